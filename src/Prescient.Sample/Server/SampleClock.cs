namespace Prescient.Sample.Server;

/// <summary>
/// The simulated clock: <see cref="Now"/> = the injected <see cref="TimeProvider"/>'s UTC time plus
/// an offset that only grows. Advancing it moves prices and resolves markets; thread-safe.
/// </summary>
public sealed class SampleClock
{
    private readonly TimeProvider _time;
    private long _offsetTicks;

    /// <summary>A clock at the time provider's time, with no offset yet.</summary>
    public SampleClock(TimeProvider time)
    {
        _time = time ?? throw new ArgumentNullException(nameof(time));
    }

    /// <summary>The simulated instant (UTC).</summary>
    public DateTimeOffset Now => _time.GetUtcNow().ToUniversalTime() + Offset;

    /// <summary>How far the simulated clock is ahead of the time provider.</summary>
    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    /// <summary>Moves the simulated clock forward by <paramref name="amount"/> (not negative) and returns the new <see cref="Now"/>.</summary>
    public DateTimeOffset AdvanceBy(TimeSpan amount)
    {
        if (amount < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "The sample clock only moves forward.");
        }

        Interlocked.Add(ref _offsetTicks, amount.Ticks);
        return Now;
    }
}
