using Prescient.Domain.Books;
using Prescient.Domain.Ids;
using Prescient.Domain.Markets;
using Prescient.Domain.Trading;

namespace Prescient.Engine.Trading;

/// <summary>
/// Refuses a book that cannot be the market the refresh saw: a ghost (a stale 0.01/0.99 book, as in
/// py-clob-client#180) or an inconsistent one. Pure: the same books, market and limits give the same
/// answer, so the executor (before a fill) and the valuation (before a mark) can share it. The book's
/// age is not its business (see <see cref="TradingOptions.MaxBookAge"/>). Checks, in this order:
/// <list type="number">
/// <item><c>crossed_book</c>: a best bid at or above the best ask, on the token's book or the other token's.</item>
/// <item><c>quote_mismatch</c>: the token's best bid or ask further than <see cref="TradingOptions.MaxQuoteGap"/>
/// from Gamma's <c>bestBid</c>/<c>bestAsk</c> on the market (YES prices; for the NO token, NO bid
/// against 1 − bestAsk and NO ask against 1 − bestBid). Skipped for a side Gamma leaves out, a closed
/// market (Gamma's quotes freeze at close) or a token that is neither of the market's.</item>
/// <item><c>complement_mismatch</c>: the two books of a binary market are one set of orders, so the
/// token's best ask must be 1 − the other token's best bid and its best bid 1 − the other's best ask,
/// within <see cref="TradingOptions.MaxComplementGap"/>; one side present without its mirror is a mismatch.
/// Skipped when no other book is given.</item>
/// </list>
/// The token's own book is compared with Gamma before with its twin, so a ghost on the token itself is
/// named <c>quote_mismatch</c>, and a ghost on the other token <c>complement_mismatch</c>.
/// </summary>
public static class BookGuard
{
    /// <summary>Null when <paramref name="book"/> can be trusted, else the first refusal in check order.</summary>
    /// <param name="book">The book of the token to trade or to mark.</param>
    /// <param name="complement">The book of the market's other token, fetched with it; null to skip the complement check.</param>
    /// <param name="market">The token's market as last extracted (Gamma's quotes of that refresh); null to skip the quote check.</param>
    /// <param name="limits">The gaps allowed (<see cref="TradingOptions.MaxQuoteGap"/>, <see cref="TradingOptions.MaxComplementGap"/>).</param>
    public static BookRefusal? Check(OrderBook book, OrderBook? complement, Market? market, TradingOptions limits)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(limits);
        return Crossed(book, own: true)
            ?? (complement is null ? null : Crossed(complement, own: false))
            ?? QuoteGap(book, market, limits.MaxQuoteGap)
            ?? (complement is null ? null : ComplementGap(book, complement, limits.MaxComplementGap));
    }

    /// <summary>The other token of <paramref name="market"/> (NO for YES, YES for NO); null when the market is unknown or <paramref name="token"/> is neither.</summary>
    public static TokenId? ComplementOf(Market? market, TokenId token)
    {
        if (market is null)
        {
            return null;
        }

        var yes = market.Yes?.TokenId;
        var no = market.No?.TokenId;
        if (yes == token)
        {
            return no;
        }

        return no == token ? yes : null;
    }

    private static BookRefusal? Crossed(OrderBook book, bool own) =>
        book.BestBid is { } bid && book.BestAsk is { } ask && bid >= ask
            ? new BookRefusal(RejectionReason.CrossedBook, RejectionDetails.Crossed(book.TokenId, own, bid, ask))
            : null;

    private static BookRefusal? QuoteGap(OrderBook book, Market? market, decimal maxGap)
    {
        if (market is null || market.Closed || (market.Yes?.TokenId != book.TokenId && market.No?.TokenId != book.TokenId))
        {
            return null;
        }

        var yes = market.Yes?.TokenId == book.TokenId;
        var gammaBid = yes ? market.BestBid : 1m - market.BestAsk;
        var gammaAsk = yes ? market.BestAsk : 1m - market.BestBid;
        var side = yes ? "YES" : "NO";
        if (book.BestAsk is { } ask && gammaAsk is { } expectedAsk && Math.Abs(ask - expectedAsk) > maxGap)
        {
            var gamma = yes ? $"Gamma's best ask {RejectionDetails.N(expectedAsk)}" : $"1 − Gamma's best bid {RejectionDetails.N(market.BestBid!.Value)} = {RejectionDetails.N(expectedAsk)}";
            return new BookRefusal(RejectionReason.QuoteMismatch, RejectionDetails.QuoteGap(side, "ask", ask, gamma, Math.Abs(ask - expectedAsk), maxGap));
        }

        if (book.BestBid is { } bid && gammaBid is { } expectedBid && Math.Abs(bid - expectedBid) > maxGap)
        {
            var gamma = yes ? $"Gamma's best bid {RejectionDetails.N(expectedBid)}" : $"1 − Gamma's best ask {RejectionDetails.N(market.BestAsk!.Value)} = {RejectionDetails.N(expectedBid)}";
            return new BookRefusal(RejectionReason.QuoteMismatch, RejectionDetails.QuoteGap(side, "bid", bid, gamma, Math.Abs(bid - expectedBid), maxGap));
        }

        return null;
    }

    private static BookRefusal? ComplementGap(OrderBook book, OrderBook complement, decimal maxGap) =>
        Mirror(book, "ask", book.BestAsk, complement, "bid", complement.BestBid, maxGap)
        ?? Mirror(book, "bid", book.BestBid, complement, "ask", complement.BestAsk, maxGap);

    /// <summary>One side of the token's book against the opposite side of the other token's: both empty, or within the gap of 1 − each other.</summary>
    private static BookRefusal? Mirror(OrderBook book, string side, decimal? price, OrderBook complement, string otherSide, decimal? otherPrice, decimal maxGap)
    {
        if (price is null && otherPrice is null)
        {
            return null;
        }

        if (price is not { } p || otherPrice is not { } q)
        {
            return new BookRefusal(
                RejectionReason.ComplementMismatch,
                RejectionDetails.ComplementOneSided(book.TokenId, side, price, complement.TokenId, otherSide, otherPrice));
        }

        var gap = Math.Abs(p - (1m - q));
        return gap > maxGap
            ? new BookRefusal(RejectionReason.ComplementMismatch, RejectionDetails.ComplementGap(side, p, otherSide, q, gap, maxGap))
            : null;
    }
}
