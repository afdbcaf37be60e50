using Prescient.Domain.Ids;
using Prescient.Domain.Positions;
using Prescient.Domain.Trading;
using Prescient.Engine.Markets;
using Prescient.Engine.Performance;
using Prescient.Engine.Reports;
using Prescient.Engine.Storage;
using static Prescient.Engine.Tests.Performance.PerformanceData;

namespace Prescient.Engine.Tests.Reports;

public sealed class TradingReportTests
{
    [Fact]
    public void From_ALedgerAndOpenPositions_PnlPerMarketAddsRealizedAndUnrealized_LargestFirst()
    {
        Trade[] ledger =
        [
            Record(1, TradeKind.Buy, "10", Day1, 10, 100m, 0.40m) with { Question = "A?" },
            Record(2, TradeKind.Buy, "20", Day1, 11, 50m, 0.80m) with { Question = "B?" },
            Record(3, TradeKind.Settlement, "10", Day1.AddDays(1), 9, 100m, 1m, realized: 60m) with { Question = "A?" },
            Record(4, TradeKind.Buy, "30", Day1.AddDays(2), 9, 200m, 0.25m) with { Question = "C?" },
        ];
        var portfolio = Portfolio(Open("20", "B?", unrealized: -15m), Open("30", "C?", unrealized: 4m));

        var report = TradingReport.From(Day1.AddDays(2), DateTimeOffset.UnixEpoch, portfolio, PerformanceReport.From(1_000m, []), ledger);

        Assert.Equal(
            [("10", "A?", 60m, 0m, 2), ("20", "B?", 0m, -15m, 1), ("30", "C?", 0m, 4m, 1)],
            report.PnlByMarket.Select(m => (m.MarketId.Value, m.Question, m.Realized, m.Unrealized, m.Trades)));
        Assert.Equal([4, 3, 2, 1], report.RecentTrades.Select(t => t.TradeId == TradeId.ForSequence(4) ? 4 : t.TradeId == TradeId.ForSequence(3) ? 3 : t.TradeId == TradeId.ForSequence(2) ? 2 : 1));
        Assert.Equal(4, report.LedgerRecords);
        Assert.True(report.Source.IsSimulated);
    }

    [Fact]
    public void From_MoreRecordsThanShown_KeepsTheNewest()
    {
        var ledger = Enumerable.Range(1, TradingReport.RecentTradeCount + 7)
            .Select(i => Record(i, TradeKind.Buy, i.ToString(System.Globalization.CultureInfo.InvariantCulture), Day1, 10, 1m, 0.5m))
            .ToArray();

        var report = TradingReport.From(Day1, DateTimeOffset.UnixEpoch, Portfolio(), PerformanceReport.From(1_000m, []), ledger);

        Assert.Equal(TradingReport.RecentTradeCount, report.RecentTrades.Count);
        Assert.Equal(ledger[^1].TradeId, report.RecentTrades[0].TradeId);
        Assert.Equal(ledger[7].TradeId, report.RecentTrades[^1].TradeId);
    }

    private static PortfolioSnapshot Portfolio(params PositionSnapshot[] positions) => new()
    {
        GeneratedAt = DateTimeOffset.UnixEpoch,
        Source = MarketSourceInfo.Sample,
        InitialCash = 1_000m,
        Cash = 900m,
        PositionsValue = 0m,
        Equity = 900m,
        RealizedPnl = 0m,
        UnrealizedPnl = positions.Sum(p => p.UnrealizedPnl),
        Exposure = 0m,
        FeesPaid = 0m,
        TradeCount = 0,
        Positions = positions,
    };

    private static PositionSnapshot Open(string market, string question, decimal unrealized) => new()
    {
        EventId = EventId.Create("1"),
        MarketId = MarketId.Create(market),
        ConditionId = ConditionId.Create("0x" + market),
        TokenId = TokenId.Create("9" + market),
        Question = question,
        Shares = 10m,
        AverageEntryPrice = 0.5m,
        CostBasis = 5m,
        Fees = 0m,
        OpenedAt = DateTimeOffset.UnixEpoch,
        Mark = 0.5m,
        MarkSource = MarkSource.BestBid,
        MarketValue = 5m,
        UnrealizedPnl = unrealized,
    };
}
