namespace Prescient.Polymarket.Feed;

/// <summary>
/// Settings of the market-channel feed, configuration section "Polymarket:Feed". Every default is
/// the documented behaviour of the channel (POLYMARKET-API.md section 3); <see cref="Validate"/>
/// lists what is wrong, and the client refuses to start with any of it.
/// </summary>
public sealed class MarketFeedOptions
{
    public const string SectionName = "Polymarket:Feed";

    /// <summary>The market channel. Default wss://ws-subscriptions-clob.polymarket.com/ws/market; tests use ws://127.0.0.1:port/….</summary>
    public Uri Url { get; set; } = new("wss://ws-subscriptions-clob.polymarket.com/ws/market");

    /// <summary>Tokens per connection before another connection is opened, 1–10,000. Default 500 (an undocumented cap reported by a third party).</summary>
    public int MaxTokensPerConnection { get; set; } = 500;

    /// <summary>How often the text <c>PING</c> is sent; the server answers <c>PONG</c>. Default 10 s, as the docs ask.</summary>
    public TimeSpan PingInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A connection with no frame (not even <c>PONG</c>) for this long is dropped and reopened, at least 1 s. Default 30 s.</summary>
    public TimeSpan SilenceTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Time allowed to open a connection. Default 10 s.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>First wait before reconnecting; each failed attempt doubles it, with jitter. Zero reconnects at once. Default 1 s.</summary>
    public TimeSpan ReconnectBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait between reconnect attempts. Default 60 s.</summary>
    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Largest frame accepted, in bytes; a longer one is dropped as malformed. Default 16 MiB (an initial dump of 500 deep books fits).</summary>
    public int MaxFrameBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>Ask for the books on subscribe (<c>initial_dump</c>). Default true.</summary>
    public bool InitialDump { get; set; } = true;

    /// <summary>Ask for <c>best_bid_ask</c>, <c>new_market</c> and <c>market_resolved</c> (<c>custom_feature_enabled</c>). Default true.</summary>
    public bool CustomFeatures { get; set; } = true;

    /// <summary>What is wrong with these settings; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!Url.IsAbsoluteUri || Url.Scheme is not ("ws" or "wss"))
        {
            errors.Add($"Polymarket:Feed:Url must be an absolute ws:// or wss:// address, not '{Url}'.");
        }

        if (MaxTokensPerConnection is < 1 or > 10_000)
        {
            errors.Add($"Polymarket:Feed:MaxTokensPerConnection must be between 1 and 10000, not {MaxTokensPerConnection}.");
        }

        if (PingInterval <= TimeSpan.Zero)
        {
            errors.Add("Polymarket:Feed:PingInterval must be positive.");
        }

        if (SilenceTimeout < TimeSpan.FromSeconds(1))
        {
            errors.Add("Polymarket:Feed:SilenceTimeout must be at least 1 s.");
        }

        if (ConnectTimeout <= TimeSpan.Zero)
        {
            errors.Add("Polymarket:Feed:ConnectTimeout must be positive.");
        }

        if (ReconnectBaseDelay < TimeSpan.Zero || ReconnectMaxDelay < ReconnectBaseDelay)
        {
            errors.Add("Polymarket:Feed:ReconnectBaseDelay must be at least 0 and ReconnectMaxDelay at least ReconnectBaseDelay.");
        }

        if (MaxFrameBytes < 64 * 1024)
        {
            errors.Add("Polymarket:Feed:MaxFrameBytes must be at least 65536.");
        }

        return errors;
    }
}
