namespace Prescient.Sample.Server;

/// <summary>
/// Faults the sample server injects into Gamma and CLOB replies (never into <c>/sample/*</c>).
/// Faults are deterministic and evenly spaced, not random: for a rate r, the n-th request eligible
/// for a kind (0-based) gets it when floor((n+1)·r) &gt; floor(n·r), so with r ≤ 0.5 two consecutive
/// eligible requests never both get it. At most one fault per request: a request is first checked
/// for 429, then (if not rate limited) for 5xx, then (if its reply is a 200 JSON body) for truncation.
/// The market channel (<c>/ws/market</c>) has faults of its own, the <c>Ws…</c> options, counted in
/// frames sent on each connection (JSON frames and <c>PONG</c> alike).
/// </summary>
public sealed record FaultOptions
{
    /// <summary>Wall-clock delay added to every Gamma/CLOB reply (network latency, independent of the simulated clock). Default none.</summary>
    public TimeSpan Latency { get; init; }

    /// <summary>Fraction in [0, 1] of requests answered 429 Too Many Requests with a Retry-After header. Default 0.</summary>
    public double RateLimitRate { get; init; }

    /// <summary>The Retry-After value sent with a 429, in whole seconds (rounded up, at least 1). Default 1 s.</summary>
    public TimeSpan RetryAfter { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Fraction in [0, 1] of requests answered 500, 502 or 503 (in turn) with a Polymarket-style JSON error body. Default 0.</summary>
    public double ServerErrorRate { get; init; }

    /// <summary>Fraction in [0, 1] of 200 JSON replies whose body is cut in half (Content-Length matches the cut body). Default 0.</summary>
    public double TruncatedJsonRate { get; init; }

    /// <summary>Each market-channel connection is dropped (no close handshake) right after its N-th frame; 0 (default) never.</summary>
    public int WsDropAfter { get; init; }

    /// <summary>
    /// Probability in [0, 1] that a JSON frame of the market channel is sent cut in half instead of whole
    /// (the frame is lost to the client). Drawn from a hash of the seed, the connection's number (order
    /// of acceptance, from 0) and the frame's number, so a run is repeatable. Default 0.
    /// </summary>
    public double WsMalformedRate { get; init; }

    /// <summary>After its N-th frame a market-channel connection sends nothing more, not even <c>PONG</c>, and stays open; 0 (default) never.</summary>
    public int WsSilentAfter { get; init; }

    /// <summary>A one-line description of the first invalid value, or null when the options are valid.</summary>
    public string? Validate()
    {
        if (Latency < TimeSpan.Zero || Latency > TimeSpan.FromMinutes(10))
        {
            return $"Faults:Latency must be between 0 and 10 minutes (got {Latency}).";
        }

        if (RetryAfter < TimeSpan.Zero)
        {
            return $"Faults:RetryAfter must not be negative (got {RetryAfter}).";
        }

        if (WsDropAfter < 0 || WsSilentAfter < 0)
        {
            return $"Faults:WsDropAfter and Faults:WsSilentAfter must not be negative (got {WsDropAfter} and {WsSilentAfter}).";
        }

        return CheckRate(nameof(RateLimitRate), RateLimitRate)
            ?? CheckRate(nameof(WsMalformedRate), WsMalformedRate)
            ?? CheckRate(nameof(ServerErrorRate), ServerErrorRate)
            ?? CheckRate(nameof(TruncatedJsonRate), TruncatedJsonRate);
    }

    private static string? CheckRate(string name, double rate) =>
        rate is >= 0 and <= 1 ? null : $"Faults:{name} must be a fraction between 0 and 1 (got {rate}).";
}
