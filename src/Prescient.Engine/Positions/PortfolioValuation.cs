using Prescient.Domain.Books;
using Prescient.Domain.Ids;
using Prescient.Domain.Positions;
using Prescient.Engine.Markets;
using Prescient.Engine.Quotes;
using Prescient.Engine.Storage;

namespace Prescient.Engine.Positions;

/// <summary>
/// Values the ledger's portfolio at marks into what <c>trades/portfolio.json</c> holds. A position is
/// marked at the best bid of its token (what it could be sold for now), else the mid, else the last
/// trade; with no price at all, at its average entry price, flagged <see cref="MarkSource.Entry"/>.
/// Values are exact (shares × mark); unrealized P&amp;L = market value − cost basis (fees included).
/// </summary>
public static class PortfolioValuation
{
    public static PortfolioSnapshot Value(Portfolio portfolio, IReadOnlyDictionary<TokenId, Mark> marks, DateTimeOffset now, MarketSourceInfo source)
    {
        ArgumentNullException.ThrowIfNull(portfolio);
        ArgumentNullException.ThrowIfNull(marks);
        ArgumentNullException.ThrowIfNull(source);
        var positions = portfolio.Positions.Select(p => ValuePosition(p, marks.TryGetValue(p.TokenId, out var mark) ? mark : null)).ToArray();
        var positionsValue = positions.Sum(p => p.MarketValue);
        return new PortfolioSnapshot
        {
            GeneratedAt = now,
            Source = source,
            InitialCash = portfolio.InitialCash,
            Cash = portfolio.Cash,
            PositionsValue = positionsValue,
            Equity = portfolio.Cash + positionsValue,
            RealizedPnl = portfolio.RealizedPnl,
            UnrealizedPnl = positions.Sum(p => p.UnrealizedPnl),
            Exposure = portfolio.Exposure,
            FeesPaid = portfolio.FeesPaid,
            TradeCount = portfolio.TradeCount,
            LastTradeId = portfolio.LastTradeId,
            Positions = positions,
        };
    }

    /// <summary>The mark a book gives: best bid, else mid, else last trade, at the book's time; null when it gives none.</summary>
    public static Mark? MarkFrom(OrderBook book)
    {
        ArgumentNullException.ThrowIfNull(book);
        return Mark.Choose(book.BestBid, book.Mid, book.LastTradePrice, book.Timestamp);
    }

    /// <summary>The mark a stored quote gives: best bid, else mid, else last trade, at the book's time; null when it gives none.</summary>
    public static Mark? MarkFrom(TokenQuote quote)
    {
        ArgumentNullException.ThrowIfNull(quote);
        return Mark.Choose(quote.BestBid, quote.Mid, quote.LastTradePrice, quote.BookTimestamp);
    }

    private static PositionSnapshot ValuePosition(Position position, Mark? found)
    {
        var mark = found ?? new Mark(position.AverageEntryPrice, MarkSource.Entry, null);
        var value = position.Shares * mark.Price;
        return new PositionSnapshot
        {
            EventId = position.EventId,
            MarketId = position.MarketId,
            ConditionId = position.ConditionId,
            TokenId = position.TokenId,
            Outcome = position.Outcome,
            Question = position.Question,
            Shares = position.Shares,
            AverageEntryPrice = position.AverageEntryPrice,
            CostBasis = position.CostBasis,
            Fees = position.Fees,
            OpenedAt = position.OpenedAt,
            Mark = mark.Price,
            MarkSource = mark.Source,
            MarkedAt = mark.At,
            MarketValue = value,
            UnrealizedPnl = value - position.CostBasis,
        };
    }
}
