using Prescient.Domain.Books;
using Prescient.Domain.Ids;
using Prescient.Domain.Positions;
using Prescient.Engine.Markets;
using Prescient.Engine.Quotes;
using Prescient.Engine.Storage;

namespace Prescient.Engine.Positions;

/// <summary>
/// Values the ledger's portfolio at marks into what <c>trades/portfolio.json</c> holds. A position is
/// marked at the best bid of its token (what it could be sold for now), else the book's last trade
/// (never the CLOB's no-trade 0.5); a closed market waiting for its resolution at Gamma's outcome
/// price (<see cref="MarkSource.ResolutionPending"/>, given by the caller); with no price at all, at
/// its average entry price, flagged <see cref="MarkSource.Entry"/>. Values are exact (shares × mark);
/// unrealized P&amp;L = market value − cost basis (fees included).
/// </summary>
public static class PortfolioValuation
{
    /// <param name="lookupProblems">Why a held market could not be looked up in this run, by market (shown with the position).</param>
    public static PortfolioSnapshot Value(
        Portfolio portfolio,
        IReadOnlyDictionary<TokenId, Mark> marks,
        DateTimeOffset now,
        MarketSourceInfo source,
        IReadOnlyDictionary<MarketId, string>? lookupProblems = null)
    {
        ArgumentNullException.ThrowIfNull(portfolio);
        ArgumentNullException.ThrowIfNull(marks);
        ArgumentNullException.ThrowIfNull(source);
        var positions = portfolio.Positions
            .Select(p => ValuePosition(p, marks.TryGetValue(p.TokenId, out var mark) ? mark : null) with
            {
                LookupProblem = lookupProblems?.GetValueOrDefault(p.MarketId),
            })
            .ToArray();
        var positionsValue = positions.Sum(p => p.MarketValue);
        return new PortfolioSnapshot
        {
            GeneratedAt = now,
            Source = source,
            InitialCash = portfolio.InitialCash.Value,
            Cash = portfolio.Cash.Value,
            PositionsValue = positionsValue,
            Equity = portfolio.Cash.Value + positionsValue,
            RealizedPnl = portfolio.RealizedPnl.Value,
            UnrealizedPnl = positions.Sum(p => p.UnrealizedPnl),
            Exposure = portfolio.Exposure.Value,
            FeesPaid = portfolio.FeesPaid.Value,
            TradeCount = portfolio.TradeCount,
            LastTradeId = portfolio.LastTradeId,
            Positions = positions,
        };
    }

    /// <summary>The mark a book gives (<see cref="Mark.Choose"/>), at the book's time; null when it gives none.</summary>
    public static Mark? MarkFrom(OrderBook book)
    {
        ArgumentNullException.ThrowIfNull(book);
        return Mark.Choose(book.BestBid, book.LastTradePrice, book.Timestamp);
    }

    /// <summary>The mark a stored quote gives (<see cref="Mark.Choose"/>), at the book's time; null when it gives none.</summary>
    public static Mark? MarkFrom(TokenQuote quote)
    {
        ArgumentNullException.ThrowIfNull(quote);
        return Mark.Choose(quote.BestBid, quote.LastTradePrice, quote.BookTimestamp);
    }

    private static PositionSnapshot ValuePosition(Position position, Mark? found)
    {
        var mark = found is { Source: not MarkSource.Entry } usable
            ? usable
            : new Mark(position.AverageEntryPrice, MarkSource.Entry, null) { Flag = found?.Flag };
        var value = position.Shares.Value * mark.Price;
        return new PositionSnapshot
        {
            EventId = position.EventId,
            MarketId = position.MarketId,
            ConditionId = position.ConditionId,
            TokenId = position.TokenId,
            Outcome = position.Outcome,
            Question = position.Question,
            Shares = position.Shares.Value,
            AverageEntryPrice = position.AverageEntryPrice,
            CostBasis = position.CostBasis.Value,
            Fees = position.Fees.Value,
            OpenedAt = position.OpenedAt,
            Mark = mark.Price,
            MarkSource = mark.Source,
            MarkedAt = mark.At,
            MarkFlag = mark.Flag,
            MarketValue = value,
            UnrealizedPnl = value - position.CostBasis.Value,
        };
    }
}
