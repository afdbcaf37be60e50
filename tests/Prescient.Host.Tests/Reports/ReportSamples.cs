using Prescient.Domain.Ids;
using Prescient.Domain.Positions;
using Prescient.Domain.Trading;
using Prescient.Domain.Values;
using Prescient.Engine.Markets;
using Prescient.Engine.Performance;
using Prescient.Engine.Reports;
using Prescient.Engine.Storage;

namespace Prescient.Host.Tests.Reports;

/// <summary>A small report built by hand: one market, bought and held, titled as asked.</summary>
internal static class ReportSamples
{
    public static TradingReport WithTitle(string title)
    {
        var at = new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
        var buy = new Trade
        {
            TradeId = TradeId.ForSequence(1),
            ExecutedAt = at,
            Kind = TradeKind.Buy,
            EventId = EventId.Create("1"),
            MarketId = MarketId.Create("10"),
            ConditionId = ConditionId.Create("0x10"),
            TokenId = TokenId.Create("910"),
            Question = title,
            Outcome = "No",
            Shares = Shares.Create(200m),
            Price = Price.Create(0.5m),
            Cost = Usdc.Create(100m),
            Fees = Usdc.Create(0m),
            CashAfter = Usdc.Create(900m),
        };
        var position = new PositionSnapshot
        {
            EventId = buy.EventId,
            MarketId = buy.MarketId,
            ConditionId = buy.ConditionId,
            TokenId = buy.TokenId,
            Question = title,
            Outcome = "No",
            Shares = 200m,
            AverageEntryPrice = 0.5m,
            CostBasis = 100m,
            Fees = 0m,
            OpenedAt = at,
            Mark = 0.48m,
            MarkSource = MarkSource.BestBid,
            MarketValue = 96m,
            UnrealizedPnl = -4m,
        };
        var portfolio = new PortfolioSnapshot
        {
            GeneratedAt = at,
            Source = MarketSourceInfo.Sample,
            InitialCash = 1_000m,
            Cash = 900m,
            PositionsValue = 96m,
            Equity = 996m,
            RealizedPnl = 0m,
            UnrealizedPnl = -4m,
            Exposure = 100m,
            FeesPaid = 0m,
            TradeCount = 1,
            Positions = [position],
        };
        return TradingReport.From(DateOnly.FromDateTime(at.UtcDateTime), at, portfolio, PerformanceReport.From(1_000m, []), [buy]);
    }
}
