namespace Prescient.Sample.Server;

/// <summary>
/// Faults the sample server injects into Gamma and CLOB replies (never into <c>/sample/*</c>).
/// Faults are deterministic and evenly spaced, not random: for a rate r, the n-th request eligible
/// for a kind (0-based) gets it when floor((n+1)·r) &gt; floor(n·r), so with r ≤ 0.5 two consecutive
/// eligible requests never both get it. At most one fault per request: a request is first checked
/// for 429, then (if not rate limited) for 5xx, then (if its reply is a 200 JSON body) for truncation.
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

        return CheckRate(nameof(RateLimitRate), RateLimitRate)
            ?? CheckRate(nameof(ServerErrorRate), ServerErrorRate)
            ?? CheckRate(nameof(TruncatedJsonRate), TruncatedJsonRate);
    }

    private static string? CheckRate(string name, double rate) =>
        rate is >= 0 and <= 1 ? null : $"Faults:{name} must be a fraction between 0 and 1 (got {rate}).";
}
