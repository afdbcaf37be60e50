namespace Prescient.Engine.Performance;

/// <summary>
/// The daily statistics of every end of day so far, where they stand on the last one, and the
/// calibration of every settled position (entry-price buckets against how often they won).
/// </summary>
public sealed record PerformanceReport(decimal InitialCash, IReadOnlyList<PerformanceDay> Days, PerformanceSummary Summary, IReadOnlyList<CalibrationBucket> Calibration)
{
    public static PerformanceReport From(decimal initialCash, IReadOnlyList<PerformanceDay> days, IReadOnlyList<CalibrationBucket>? calibration = null)
    {
        ArgumentNullException.ThrowIfNull(days);
        var last = days.Count == 0 ? null : days[^1];
        var summary = new PerformanceSummary(
            days.Count,
            days.Count == 0 ? null : days[0].Date,
            last?.Date,
            last?.Equity,
            last?.CumulativeReturn,
            last?.MaxDrawdown ?? 0m,
            last?.SettledPositions ?? 0,
            last?.WinRate,
            last?.BrierScore);
        return new PerformanceReport(initialCash, days, summary, calibration ?? PerformanceCalculator.Calibration([]));
    }
}

/// <summary>
/// Where performance stands at the last end of day: total return (equity / initial cash − 1), the
/// deepest drawdown, win rate and Brier score over every settled position. Null where there is no
/// end of day (or no settlement) yet. Ratios are fractions rounded to 6 places; equity in USDC.
/// </summary>
public sealed record PerformanceSummary(
    int Days,
    DateOnly? From,
    DateOnly? To,
    decimal? Equity,
    decimal? TotalReturn,
    decimal MaxDrawdown,
    int SettledPositions,
    decimal? WinRate,
    decimal? BrierScore);
