using Prescient.Engine.Intraday;

namespace Prescient.Engine.Quotes;

/// <summary>What the live market feed of this process is doing, for the status and the dashboard (implemented by the host's feed).</summary>
public interface ILiveFeedStatus
{
    LiveFeedState? Current { get; }
}

/// <summary>
/// The feed at a glance: connected when every connection is; how many connections and tokens; how
/// long since the last message on any connection; and counts since the feed started. <see cref="Intraday"/>
/// is null unless the intraday mode is on.
/// </summary>
public sealed record LiveFeedState(
    string Url,
    bool Connected,
    int Connections,
    int ConnectedConnections,
    int Tokens,
    TimeSpan? LastMessageAge,
    long Reconnects,
    long Messages,
    long Malformed)
{
    public IntradayActivity? Intraday { get; init; }

    /// <summary>The tape of the frames received (<c>Feed:Record</c>); null when not recording.</summary>
    public LiveFeedTape? Tape { get; init; }
}

/// <summary>The feed's tape since the start: frames written (flushed to the day's file), dropped with the writer's buffer full, lost to failed writes.</summary>
public sealed record LiveFeedTape(long Written, long Dropped, long Failed);
