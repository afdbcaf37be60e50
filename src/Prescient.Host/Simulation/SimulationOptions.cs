using Prescient.Engine.Calendar;

namespace Prescient.Host.Simulation;

/// <summary>
/// A multi-day run on the sample market: <see cref="Days"/> simulated days from <see cref="Start"/>,
/// each with the morning cycle at <see cref="CycleTime"/> and the end of day at <see cref="EndOfDayTime"/>,
/// dates and times in the schedule's time zone (UTC by default). The same options, seed and zone give
/// the same trades and equity.
/// </summary>
public sealed record SimulationOptions
{
    /// <summary>The first simulated day. Default 2026-01-05 (fixed, so a seed always gives the same run).</summary>
    public DateOnly Start { get; init; } = new(2026, 1, 5);

    /// <summary>How many days to simulate, 1 to 3,650.</summary>
    public int Days { get; init; } = 30;

    public TimeOnly CycleTime { get; init; } = new(9, 0);

    /// <summary>
    /// Also write, each day, what the run saw of the market (<c>markets/tape_YYYY-MM-DD.json</c>: the cycle's
    /// markets and quotes, every book, market lookup and base fee the cycle and the end of day were given),
    /// so that <c>backtest --fills recorded</c> replays the run. Off by default (about 2 MB a day on the sample).
    /// </summary>
    public bool Record { get; init; }

    public TimeOnly EndOfDayTime { get; init; } = new(18, 0);

    /// <summary>The instant of <paramref name="time"/> on day <paramref name="index"/> (0-based) in <paramref name="calendar"/>'s zone.</summary>
    public DateTimeOffset At(int index, TimeOnly time, TradingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.At(Start.AddDays(index), time);
    }

    public string? Validate() =>
        Days is < 1 or > 3_650 ? "--days must be between 1 and 3650."
        : EndOfDayTime <= CycleTime ? "the end of day must come after the morning cycle."
        : null;
}
