using Prescient.Domain.Ids;
using Prescient.Domain.Trading;
using Prescient.Engine.Markets;
using Prescient.Engine.Performance;
using Prescient.Engine.Storage;

namespace Prescient.Engine.Reports;

/// <summary>
/// Everything the report of a day shows, from the JSON state alone: the portfolio as last written,
/// the daily performance with its calibration, the P&amp;L of each market traded and the most recent
/// ledger records (newest first). USDC amounts; ratios as fractions.
/// </summary>
public sealed record TradingReport(
    DateOnly Date,
    DateTimeOffset GeneratedAt,
    MarketSourceInfo Source,
    PortfolioSnapshot Portfolio,
    PerformanceReport Performance,
    IReadOnlyList<MarketPnl> PnlByMarket,
    IReadOnlyList<Trade> RecentTrades,
    int LedgerRecords)
{
    /// <summary>How many ledger records the report lists.</summary>
    public const int RecentTradeCount = 50;

    /// <summary>
    /// The report of <paramref name="ledger"/> and <paramref name="portfolio"/>: realized P&amp;L per
    /// market from the ledger's settlements and sells, unrealized from the open positions, biggest
    /// absolute total first (ties by market id, so the order is stable).
    /// </summary>
    public static TradingReport From(
        DateOnly date,
        DateTimeOffset generatedAt,
        PortfolioSnapshot portfolio,
        PerformanceReport performance,
        IReadOnlyList<Trade> ledger)
    {
        ArgumentNullException.ThrowIfNull(portfolio);
        ArgumentNullException.ThrowIfNull(performance);
        ArgumentNullException.ThrowIfNull(ledger);
        var markets = new Dictionary<MarketId, MarketPnl>();
        foreach (var trade in ledger)
        {
            var row = markets.GetValueOrDefault(trade.MarketId) ?? new MarketPnl(trade.MarketId, trade.Question ?? trade.MarketId.Value, 0m, 0m, 0m, 0);
            markets[trade.MarketId] = row with
            {
                Question = trade.Question ?? row.Question,
                Realized = row.Realized + (trade.RealizedPnl?.Value ?? 0m),
                Fees = row.Fees + trade.Fees.Value,
                Trades = row.Trades + 1,
            };
        }

        foreach (var position in portfolio.Positions)
        {
            var row = markets.GetValueOrDefault(position.MarketId) ?? new MarketPnl(position.MarketId, position.Question ?? position.MarketId.Value, 0m, 0m, 0m, 0);
            markets[position.MarketId] = row with { Unrealized = row.Unrealized + position.UnrealizedPnl };
        }

        var byMarket = markets.Values
            .OrderByDescending(m => Math.Abs(m.Total))
            .ThenBy(m => m.MarketId.Value, StringComparer.Ordinal)
            .ToArray();
        var recent = ledger.Reverse().Take(RecentTradeCount).ToArray();
        return new TradingReport(date, generatedAt, portfolio.Source, portfolio, performance, byMarket, recent, ledger.Count);
    }
}

/// <summary>One market's P&amp;L: realized (settlements and sells, net of their fees), unrealized (open shares at their mark against their cost basis), the fees paid on it and its ledger records.</summary>
public sealed record MarketPnl(MarketId MarketId, string Question, decimal Realized, decimal Unrealized, decimal Fees, int Trades)
{
    public decimal Total => Realized + Unrealized;
}
