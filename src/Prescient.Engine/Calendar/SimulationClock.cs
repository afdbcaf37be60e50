namespace Prescient.Engine.Calendar;

/// <summary>
/// The simulated calendar of a simulation or a recorded replay: <see cref="GetUtcNow"/> is the simulated instant, moved only by
/// <see cref="SetUtcNow"/>, while timers and timestamps stay real so HTTP timeouts and retries work.
/// The sample market and every use-case read this clock, so a simulated day is the same whatever
/// the wall clock says.
/// </summary>
public sealed class SimulationClock(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    /// <summary>Moves the simulated clock to <paramref name="instant"/>; it never goes back.</summary>
    public void SetUtcNow(DateTimeOffset instant)
    {
        if (instant < GetUtcNow())
        {
            throw new ArgumentOutOfRangeException(nameof(instant), instant, "The simulated clock only moves forward.");
        }

        Interlocked.Exchange(ref _ticks, instant.UtcTicks);
    }
}
