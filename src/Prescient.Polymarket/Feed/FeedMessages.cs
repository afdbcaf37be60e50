using Prescient.Domain.Ids;

namespace Prescient.Polymarket.Feed;

/// <summary>A <c>book</c> message's header; its levels travel beside it as spans (valid only during the call).</summary>
public readonly record struct BookSnapshot(TokenId TokenId, ConditionId? Market, DateTimeOffset? Timestamp, BookHash? Hash, decimal? TickSize, decimal? LastTradePrice);

/// <summary>
/// One level change of a <c>price_change</c> message. <see cref="Size"/> is the NEW TOTAL size (shares)
/// at <see cref="Price"/> on that side, 0 removing the level. Since September 2025 each change also
/// carries the token's top after it (<see cref="HasTop"/>); a null best price there means that side is empty.
/// </summary>
public readonly record struct PriceChange(
    TokenId TokenId,
    ConditionId? Market,
    bool IsBid,
    decimal Price,
    decimal Size,
    bool HasTop,
    decimal? BestBid,
    decimal? BestAsk,
    BookHash? Hash,
    DateTimeOffset? Timestamp);

/// <summary><c>tick_size_change</c>: the token's minimum price increment changed (USDC).</summary>
public readonly record struct TickSizeChange(TokenId TokenId, ConditionId? Market, decimal? OldTickSize, decimal NewTickSize, DateTimeOffset? Timestamp);

/// <summary><c>last_trade_price</c>: a trade matched at <see cref="Price"/>; side, size (shares) and fee rate (bps) are optional on the wire.</summary>
public readonly record struct LastTrade(TokenId TokenId, ConditionId? Market, decimal Price, bool? IsBuy, decimal? Size, decimal? FeeRateBps, DateTimeOffset? Timestamp);

/// <summary><c>best_bid_ask</c> (custom feature): the server's top of book for a token; a null price means that side is empty.</summary>
public readonly record struct TopOfBook(TokenId TokenId, ConditionId? Market, decimal? BestBid, decimal? BestAsk, decimal? Spread, DateTimeOffset? Timestamp);

/// <summary><c>new_market</c> (custom feature): a market was created; <see cref="Id"/> is its Gamma id. <see cref="Outcomes"/> is a real array here, not JSON-in-a-string.</summary>
public sealed record NewMarket(
    ConditionId Market,
    MarketId? Id,
    string? Question,
    string? Slug,
    IReadOnlyList<TokenId> TokenIds,
    IReadOnlyList<string> Outcomes,
    DateTimeOffset? Timestamp);

/// <summary><c>market_resolved</c> (custom feature): the market resolved to <see cref="WinningTokenId"/> / <see cref="WinningOutcome"/>.</summary>
public sealed record MarketResolved(
    ConditionId Market,
    MarketId? Id,
    IReadOnlyList<TokenId> TokenIds,
    TokenId? WinningTokenId,
    string? WinningOutcome,
    DateTimeOffset? Timestamp);
