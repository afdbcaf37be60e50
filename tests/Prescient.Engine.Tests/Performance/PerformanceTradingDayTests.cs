using Prescient.Domain.History;
using Prescient.Domain.Trading;
using Prescient.Engine.Calendar;
using Prescient.Engine.Performance;
using static Prescient.Engine.Tests.Performance.PerformanceData;

namespace Prescient.Engine.Tests.Performance;

/// <summary>The trades and settlements of a date are those of the trading calendar's date, not the UTC one.</summary>
public sealed class PerformanceTradingDayTests
{
    private static readonly TradingCalendar LosAngeles = new(TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles"));

    /// <summary>Day 1 at 17:00 UTC (09:00 PST) a buy; day 2 at 01:00 UTC (17:00 PST of day 1) the settlement, won; then a buy at 09:00 UTC of day 2 (01:00 PST).</summary>
    private static readonly Trade[] Ledger =
    [
        Record(1, TradeKind.Buy, "10", Day1, 17, 100m, 0.40m),
        Record(2, TradeKind.Settlement, "10", Day1.AddDays(1), 1, 100m, 1m, realized: 60m),
        Record(3, TradeKind.Buy, "20", Day1.AddDays(1), 9, 100m, 0.30m),
    ];

    private static readonly PortfolioDay[] History =
    [
        Snapshot(Day1, 1_060m, 0m, realized: 60m),
        Snapshot(Day1.AddDays(1), 1_030m, 30m, realized: 60m, open: 1),
    ];

    [Fact]
    public void Compute_LosAngeles_CountsEachRecordOnItsLocalDate()
    {
        var days = PerformanceCalculator.Compute(History, Ledger, 1_000m, LosAngeles);

        Assert.Equal([2, 1], days.Select(d => d.Trades));
        Assert.Equal([1, 1], days.Select(d => d.SettledPositions));
        Assert.Equal([1m, 1m], days.Select(d => d.WinRate));
    }

    [Fact]
    public void Compute_NoCalendar_CountsOnTheUtcDate()
    {
        var days = PerformanceCalculator.Compute(History, Ledger, 1_000m);

        Assert.Equal([1, 2], days.Select(d => d.Trades));
        Assert.Equal([0, 1], days.Select(d => d.SettledPositions));
        Assert.Equal([null, 1m], days.Select(d => d.WinRate));
    }
}
