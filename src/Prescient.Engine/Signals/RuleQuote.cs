using Prescient.Domain.Books;
using Prescient.Domain.Ids;
using Prescient.Domain.Markets;
using Prescient.Engine.Quotes;

namespace Prescient.Engine.Signals;

/// <summary>
/// The numbers of one token's quote the built-in rules read (prices in [0, 1] USDC, asks best first), as a
/// value: made from a <see cref="TokenQuote"/> (a refresh's quotes, an execution's fresh books) or straight
/// from a backtest's synthetic levels, so a replay step evaluates the very same rule without a quote object per market.
/// </summary>
internal readonly record struct RuleQuote(
    TokenId TokenId,
    string Outcome,
    decimal? BestBid,
    decimal? BestAsk,
    decimal? Mid,
    decimal? LastTradePrice,
    decimal? TickSize,
    IReadOnlyList<QuoteLevel> Asks)
{
    public static RuleQuote From(TokenQuote quote)
    {
        ArgumentNullException.ThrowIfNull(quote);
        return new(quote.TokenId, quote.Outcome, quote.BestBid, quote.BestAsk, quote.Mid, quote.LastTradePrice, quote.TickSize, quote.Asks);
    }

    /// <summary>As <see cref="From(TokenQuote)"/> of <see cref="TokenQuote.From(Market, TokenId, string, OrderBook?)"/> of <paramref name="book"/>, without the quote.</summary>
    public static RuleQuote From(Market market, OrderBook book, string outcome)
    {
        ArgumentNullException.ThrowIfNull(market);
        ArgumentNullException.ThrowIfNull(book);
        var asks = new QuoteLevel[book.Asks.Count];
        for (var i = 0; i < asks.Length; i++)
        {
            asks[i] = new QuoteLevel(book.Asks[i].Price, book.Asks[i].Size);
        }

        return new(book.TokenId, outcome, book.BestBid, book.BestAsk, book.Mid, book.LastTradePrice, book.TickSize ?? market.TickSize, asks);
    }
}
