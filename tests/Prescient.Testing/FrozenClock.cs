namespace Prescient.Testing;

/// <summary>
/// A clock whose wall time stands still at a chosen instant while timers and timestamps stay real,
/// so retries, timeouts and server latency still work. For tests that compare a result computed at
/// "now" with one computed independently at the same "now".
/// </summary>
public sealed class FrozenClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
