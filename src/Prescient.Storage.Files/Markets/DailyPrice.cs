using Prescient.Domain.Ids;
using Prescient.Engine.Quotes;

namespace Prescient.Storage.Files.Markets;

/// <summary>
/// One token's prices in <c>markets/daily_prices_YYYY-MM-DD.json</c>: the quote without its depth.
/// Prices in [0, 1] USDC per share; null where the book side is empty.
/// </summary>
internal sealed record DailyPrice(
    TokenId TokenId,
    ConditionId ConditionId,
    MarketId MarketId,
    EventId EventId,
    string Outcome,
    decimal? BestBid,
    decimal? BestAsk,
    decimal? Mid,
    decimal? Spread,
    decimal? LastTradePrice,
    DateTimeOffset? BookTimestamp)
{
    public static DailyPrice From(TokenQuote quote) => new(
        quote.TokenId,
        quote.ConditionId,
        quote.MarketId,
        quote.EventId,
        quote.Outcome,
        quote.BestBid,
        quote.BestAsk,
        quote.Mid,
        quote.Spread,
        quote.LastTradePrice,
        quote.BookTimestamp);
}
