namespace Prescient.Polymarket.Feed;

/// <summary>Where a shard's connection is.</summary>
public enum ShardState
{
    Connecting,
    Connected,
    Reconnecting,
    Stopped,
}

/// <summary>
/// One connection of the feed. Counts run from the client's start. <see cref="Frames"/> counts
/// every text frame received (PONG included); <see cref="Messages"/> the market messages handed on (a dump of 24 books is 24); <see cref="Malformed"/> the frames that could not be
/// read; <see cref="UnknownMessages"/> messages of event types the feed does not know.
/// </summary>
public sealed record ShardStatus(
    int Shard,
    ShardState State,
    int Tokens,
    TimeSpan? LastMessageAge,
    long Reconnects,
    long Frames,
    long Messages,
    long Malformed,
    long UnknownMessages,
    long Pongs,
    long SilenceDrops,
    long SinkFailures);

/// <summary>The whole feed: one entry per connection, and the totals.</summary>
public sealed record FeedStatus(IReadOnlyList<ShardStatus> Shards)
{
    public bool AllConnected => Shards.Count > 0 && Shards.All(s => s.State == ShardState.Connected);

    public long Reconnects => Shards.Sum(s => s.Reconnects);

    public long Frames => Shards.Sum(s => s.Frames);

    public long Messages => Shards.Sum(s => s.Messages);

    public long Malformed => Shards.Sum(s => s.Malformed);
}
