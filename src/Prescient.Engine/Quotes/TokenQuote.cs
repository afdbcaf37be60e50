using Prescient.Domain.Books;
using Prescient.Domain.Ids;
using Prescient.Domain.Markets;
using Prescient.Engine.Extraction;

namespace Prescient.Engine.Quotes;

/// <summary>
/// The quote for one outcome token, as written to <c>markets/market_cache.json</c>. Levels are
/// best first. Best prices are null where a side is empty; <see cref="HasBook"/> is false when the
/// exchange has no book for the token.
/// </summary>
public sealed record TokenQuote
{
    public required TokenId TokenId { get; init; }

    public required ConditionId ConditionId { get; init; }

    public required MarketId MarketId { get; init; }

    public required EventId EventId { get; init; }

    public string? Question { get; init; }

    /// <summary>The outcome this token pays on ("Yes", "No", a team name, …).</summary>
    public required string Outcome { get; init; }

    public bool HasBook { get; init; }

    public decimal? BestBid { get; init; }

    public decimal? BestAsk { get; init; }

    public decimal? Mid { get; init; }

    public decimal? Spread { get; init; }

    public IReadOnlyList<QuoteLevel> Bids { get; init; } = [];

    public IReadOnlyList<QuoteLevel> Asks { get; init; } = [];

    public decimal? TickSize { get; init; }

    public decimal? MinOrderSize { get; init; }

    public decimal? LastTradePrice { get; init; }

    public DateTimeOffset? BookTimestamp { get; init; }

    /// <summary>As <see cref="From(Market, TokenId, string, OrderBook?)"/> of <see cref="MarketRow.ToMarket"/>, without building the market (the fields read map one to one).</summary>
    public static TokenQuote From(MarketRow market, TokenId tokenId, string outcome, OrderBook? book)
    {
        ArgumentNullException.ThrowIfNull(market);
        return Create(market.ConditionId, market.MarketId, market.EventId, market.Question, market.TickSize, market.MinOrderSize, tokenId, outcome, book);
    }

    public static TokenQuote From(Market market, TokenId tokenId, string outcome, OrderBook? book)
    {
        ArgumentNullException.ThrowIfNull(market);
        return Create(market.ConditionId, market.Id, market.EventId, market.Question, market.TickSize, market.MinOrderSize, tokenId, outcome, book);
    }

    private static TokenQuote Create(ConditionId condition, MarketId marketId, EventId eventId, string question, decimal? tick, decimal? minOrderSize, TokenId tokenId, string outcome, OrderBook? book)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return new TokenQuote
        {
            TokenId = tokenId,
            ConditionId = condition,
            MarketId = marketId,
            EventId = eventId,
            Question = question,
            Outcome = outcome,
            HasBook = book is not null,
            BestBid = book?.BestBid,
            BestAsk = book?.BestAsk,
            Mid = book?.Mid,
            Spread = book?.Spread,
            Bids = Levels(book?.Bids),
            Asks = Levels(book?.Asks),
            TickSize = book?.TickSize ?? tick,
            MinOrderSize = book?.MinOrderSize ?? minOrderSize,
            LastTradePrice = book?.LastTradePrice,
            BookTimestamp = book?.Timestamp,
        };
    }

    private static QuoteLevel[] Levels(IReadOnlyList<BookLevel>? side)
    {
        if (side is null || side.Count == 0)
        {
            return [];
        }

        var levels = new QuoteLevel[side.Count];
        for (var i = 0; i < levels.Length; i++)
        {
            levels[i] = new QuoteLevel(side[i].Price, side[i].Size);
        }

        return levels;
    }
}
