namespace Prescient.Sample.Server;

/// <summary>
/// Decides, per kind, whether the next eligible request is faulted: request n (0-based, counted per
/// kind) is faulted when floor((n+1)·r) &gt; floor(n·r). A tolerance of 1e-9 absorbs binary rounding,
/// so that r = 1/3 faults requests 2, 5, 8… as exact arithmetic would.
/// </summary>
internal sealed class FaultPlan(FaultOptions options, SampleServerStats stats)
{
    private const double Tolerance = 1e-9;

    private readonly long[] _eligible = new long[Enum.GetValues<SampleFaultKind>().Length];

    public FaultOptions Options { get; } = options;

    /// <summary>Counts one eligible request for <paramref name="kind"/> and says whether it is faulted.</summary>
    public bool Next(SampleFaultKind kind)
    {
        var rate = kind switch
        {
            SampleFaultKind.RateLimit => Options.RateLimitRate,
            SampleFaultKind.ServerError => Options.ServerErrorRate,
            SampleFaultKind.TruncatedJson => Options.TruncatedJsonRate,
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Market-channel faults are decided by the session."),
        };
        if (rate <= 0)
        {
            return false;
        }

        var n = Interlocked.Increment(ref _eligible[(int)kind]) - 1;
        if (Math.Floor(((n + 1) * rate) + Tolerance) <= Math.Floor((n * rate) + Tolerance))
        {
            return false;
        }

        stats.CountFault(kind);
        return true;
    }

    /// <summary>Whole seconds for Retry-After, rounded up, at least 1.</summary>
    public string RetryAfterSeconds =>
        Math.Max(1, (long)Math.Ceiling(Options.RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>500, 502, 503 in turn, by the number of server errors injected so far.</summary>
    public int ServerErrorStatus() => (stats.Faults(SampleFaultKind.ServerError) % 3) switch
    {
        1 => 500,
        2 => 502,
        _ => 503,
    };
}
