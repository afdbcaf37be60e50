using Prescient.Domain.Trading;
using Prescient.Engine.Performance;
using static Prescient.Engine.Tests.Performance.PerformanceData;

namespace Prescient.Engine.Tests.Performance;

public sealed class PerformanceCalculatorTests
{
    /// <summary>
    /// 1,000 USDC. Day 1: buy 100 A at 0.40 and 50 B at 0.80 (equity 990). Day 2: A settles at 1, won
    /// (equity 1,050). Day 3: buy 200 C at 0.25, B settles at 0, lost (equity 1,008). Day 4: C settles
    /// at 0.5, won (equity 1,070).
    /// </summary>
    private static readonly Trade[] Ledger =
    [
        Record(1, TradeKind.Buy, "10", Day1, 10, 100m, 0.40m),
        Record(2, TradeKind.Buy, "20", Day1, 11, 50m, 0.80m),
        Record(3, TradeKind.Settlement, "10", Day1.AddDays(1), 9, 100m, 1m, realized: 60m),
        Record(4, TradeKind.Buy, "30", Day1.AddDays(2), 9, 200m, 0.25m),
        Record(5, TradeKind.Settlement, "20", Day1.AddDays(2), 23, 50m, 0m, realized: -40m),
        Record(6, TradeKind.Settlement, "30", Day1.AddDays(3), 0, 200m, 0.5m, realized: 50m),
    ];

    [Fact]
    public void Compute_FourHandWorkedDays_EveryColumnAsWorkedOut()
    {
        var history = new[]
        {
            Snapshot(Day1, 920m, 70m, unrealized: -10m, open: 2),
            Snapshot(Day1.AddDays(1), 1_020m, 30m, realized: 60m, unrealized: -10m, open: 1),
            Snapshot(Day1.AddDays(2), 970m, 38m, realized: 20m, unrealized: -12m, open: 1),
            Snapshot(Day1.AddDays(3), 1_070m, 0m, realized: 70m),
        };

        var days = PerformanceCalculator.Compute(history, Ledger, 1_000m);

        Assert.Equal([Day1, Day1.AddDays(1), Day1.AddDays(2), Day1.AddDays(3)], days.Select(d => d.Date));
        Assert.Equal([990m, 1_050m, 1_008m, 1_070m], days.Select(d => d.Equity));

        // 990/1000 − 1; 1050/990 − 1 = 0.0606060…; 1008/1050 − 1; 1070/1008 − 1 = 0.0615079…
        Assert.Equal([-0.01m, 0.060606m, -0.04m, 0.061508m], days.Select(d => d.DailyReturn));
        Assert.Equal([-0.01m, 0.05m, 0.008m, 0.07m], days.Select(d => d.CumulativeReturn));

        // Peaks 1000 (the initial cash), 1050, 1050, 1070.
        Assert.Equal([-0.01m, 0m, -0.04m, 0m], days.Select(d => d.Drawdown));
        Assert.Equal([-0.01m, -0.01m, -0.04m, -0.04m], days.Select(d => d.MaxDrawdown));
        Assert.Equal([2, 1, 2, 1], days.Select(d => d.Trades));
        Assert.Equal([2, 1, 1, 0], days.Select(d => d.OpenPositions));
        Assert.Equal([0, 1, 2, 3], days.Select(d => d.SettledPositions));
        Assert.Equal([null, 1m, 0.5m, 0.666667m], days.Select(d => d.WinRate));

        // (0.40 − 1)² = 0.36; (0.80 − 0)² = 0.64; (0.25 − 0.5)² = 0.0625; means 0.36, 0.5, 1.0625/3.
        Assert.Equal([null, 0.36m, 0.5m, 0.354167m], days.Select(d => d.BrierScore));
        Assert.Equal([0m, 60m, 20m, 70m], days.Select(d => d.RealizedPnl));
        Assert.Equal([920m, 1_020m, 970m, 1_070m], days.Select(d => d.Cash));
    }

    [Fact]
    public void Compute_SeveralBuysAndAPartialSell_BrierUsesTheShareWeightedEntryOfThePositionSettled()
    {
        Trade[] ledger =
        [
            Record(1, TradeKind.Buy, "10", Day1, 9, 100m, 0.40m),
            Record(2, TradeKind.Buy, "10", Day1, 10, 100m, 0.50m),
            Record(3, TradeKind.Sell, "10", Day1, 11, 50m, 0.60m, realized: 7.5m),
            Record(4, TradeKind.Settlement, "10", Day1, 12, 150m, 1m, realized: 82.5m),

            // Reopened after the settlement: a fresh position, scored on its own entry.
            Record(5, TradeKind.Buy, "10", Day1, 13, 10m, 0.90m),
            Record(6, TradeKind.Settlement, "10", Day1, 14, 10m, 0m, realized: -9m),
        ];

        var day = Assert.Single(PerformanceCalculator.Compute([Snapshot(Day1, 1_000m, 0m)], ledger, 1_000m));

        // ((0.45 − 1)² + (0.90 − 0)²) / 2 = (0.3025 + 0.81) / 2.
        Assert.Equal(0.55625m, day.BrierScore);
        Assert.Equal(0.5m, day.WinRate);
        Assert.Equal(2, day.SettledPositions);
        Assert.Equal(6, day.Trades);
    }

    [Fact]
    public void Compute_HistoryOutOfOrderAndTradesOnDaysWithoutASnapshot_RowsByDateTradesOfTheirOwnDateOnly()
    {
        var history = new[] { Snapshot(Day1.AddDays(3), 1_100m, 0m), Snapshot(Day1, 1_000m, 0m) };

        var days = PerformanceCalculator.Compute(history, Ledger, 1_000m);

        Assert.Equal([Day1, Day1.AddDays(3)], days.Select(d => d.Date));
        Assert.Equal([2, 1], days.Select(d => d.Trades));
        Assert.Equal([0m, 0.1m], days.Select(d => d.DailyReturn));
        Assert.Equal([0, 3], days.Select(d => d.SettledPositions));
    }

    [Fact]
    public void Compute_ReturnOnAMidpoint_RoundedAwayFromZeroToSixPlaces()
    {
        var days = PerformanceCalculator.Compute(
            [Snapshot(Day1, 1_000_000.5m, 0m), Snapshot(Day1.AddDays(1), 1_000_000m, 0m)], [], 1_000_000m);

        // Exactly +0.0000005 rounds up to 0.000001 (banker's rounding would give 0); the way back,
        // 1,000,000 / 1,000,000.5 − 1 = −0.00000049999975…, is not a tie and rounds to 0.
        Assert.Equal([0.000001m, 0m], days.Select(d => d.DailyReturn));
        Assert.Equal(0.000001m, days[0].CumulativeReturn);
        Assert.Equal(0m, days[1].Drawdown);
    }

    [Fact]
    public void Compute_NoInitialCash_ReturnsUndefinedNotAnError()
    {
        var days = PerformanceCalculator.Compute([Snapshot(Day1, 0m, 0m), Snapshot(Day1.AddDays(1), 5m, 0m)], [], 0m);

        Assert.Equal([null, null], days.Select(d => d.DailyReturn));
        Assert.Equal([null, null], days.Select(d => d.CumulativeReturn));
        Assert.Equal([0m, 0m], days.Select(d => d.Drawdown));
    }

    [Fact]
    public void Compute_NoHistory_NoRows()
    {
        Assert.Empty(PerformanceCalculator.Compute([], Ledger, 1_000m));
    }

    [Fact]
    public void ReportFrom_Days_SummaryIsTheLastDayAndTheDeepestDrawdownSoFar()
    {
        var history = new[] { Snapshot(Day1, 920m, 70m), Snapshot(Day1.AddDays(2), 970m, 38m), Snapshot(Day1.AddDays(3), 1_070m, 0m) };

        var report = PerformanceReport.From(1_000m, PerformanceCalculator.Compute(history, Ledger, 1_000m));

        // Equity 990, 1008, 1070: the only dip is day 1's, below the initial 1,000.
        Assert.Equal(new PerformanceSummary(3, Day1, Day1.AddDays(3), 1_070m, 0.07m, -0.01m, 3, 0.666667m, 0.354167m), report.Summary);
        Assert.Equal(new PerformanceSummary(0, null, null, null, null, 0m, 0, null, null), PerformanceReport.From(1_000m, []).Summary);
    }

    [Fact]
    public void Calibration_TheWorkedLedger_EachSettlementInTheBucketOfItsEntryPrice()
    {
        var buckets = PerformanceCalculator.Calibration(Ledger);

        Assert.Equal(PerformanceCalculator.CalibrationBuckets, buckets.Count);
        Assert.Equal([0m, 0.1m, 0.2m, 0.3m, 0.4m, 0.5m, 0.6m, 0.7m, 0.8m, 0.9m], buckets.Select(b => b.From));
        Assert.Equal(1m, buckets[^1].To);

        // C bought at 0.25 settled at 0.5 (a win); A at 0.40 settled at 1; B at 0.80 settled at 0.
        Assert.Equal(new CalibrationBucket(0.2m, 0.3m, 1, 1, 0.25m, 0.5m), buckets[2]);
        Assert.Equal(new CalibrationBucket(0.4m, 0.5m, 1, 1, 0.4m, 1m), buckets[4]);
        Assert.Equal(new CalibrationBucket(0.8m, 0.9m, 1, 0, 0.8m, 0m), buckets[8]);
        Assert.All(buckets.Where((_, i) => i is not (2 or 4 or 8)), b => Assert.Equal((0, null, null), (b.Positions, b.MeanEntryPrice, b.MeanOutcome)));
    }

    [Fact]
    public void Calibration_AnEntryAtOne_FallsInTheLastBucket_AndOneNeverOpenedIsLeftOut()
    {
        Trade[] ledger =
        [
            Record(1, TradeKind.Buy, "10", Day1, 10, 10m, 0.97m),
            Record(2, TradeKind.Buy, "10", Day1, 11, 10m, 1m),
            Record(3, TradeKind.Settlement, "10", Day1.AddDays(1), 9, 20m, 1m, realized: 0.3m),
            Record(4, TradeKind.Settlement, "99", Day1.AddDays(1), 9, 5m, 0m, realized: -1m),
        ];

        var buckets = PerformanceCalculator.Calibration(ledger);

        Assert.Equal(new CalibrationBucket(0.9m, 1m, 1, 1, 0.985m, 1m), buckets[^1]);
        Assert.Equal(1, buckets.Sum(b => b.Positions));
    }
}
