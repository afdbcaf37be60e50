using System.Globalization;
using Prescient.Engine.Backtest;

namespace Prescient.Engine.Sweeps;

/// <summary>
/// The walk-forward split of a sweep's days: the first <c>fraction</c> of them (rounded down, at least one)
/// in-sample, the rest (at least one) out-of-sample. The two ranges meet without a gap or an overlap, and
/// each is its own backtest from the initial cash, so the out-of-sample run starts after the in-sample one
/// ends and the in-sample run reads nothing after its last day.
/// </summary>
public sealed record WalkForwardSplit(decimal Fraction, BacktestRequest InSample, BacktestRequest OutOfSample)
{
    public static WalkForwardSplit Of(BacktestRequest range, decimal fraction)
    {
        ArgumentNullException.ThrowIfNull(range);
        if (fraction is <= 0m or >= 1m)
        {
            throw new SweepInputException($"--split must be more than 0 and less than 1 (was {fraction.ToString(CultureInfo.InvariantCulture)}).");
        }

        var days = range.To.DayNumber - range.From.DayNumber + 1;
        if (days < 2)
        {
            throw new SweepInputException("a walk-forward split needs at least 2 days (--from to --to).");
        }

        var inSample = Math.Clamp((int)decimal.Floor(days * fraction), 1, days - 1);
        var lastIn = range.From.AddDays(inSample - 1);
        return new WalkForwardSplit(
            fraction,
            range with { To = lastIn },
            range with { From = lastIn.AddDays(1) });
    }
}
