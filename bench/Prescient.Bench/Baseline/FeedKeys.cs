using System.Text.Json;

namespace Prescient.Bench.Baseline;

/// <summary>The property names of market-channel messages this feed reads; anything else is skipped.</summary>
internal enum FeedKey
{
    Other,
    EventType,
    AssetId,
    Market,
    Timestamp,
    Hash,
    Bids,
    Asks,
    PriceChanges,
    Changes,
    Price,
    Size,
    Side,
    BestBid,
    BestAsk,
    Spread,
    TickSize,
    LastTradePrice,
    OldTickSize,
    NewTickSize,
    FeeRateBps,
    Id,
    Question,
    Slug,
    AssetsIds,
    Outcomes,
    WinningAssetId,
    WinningOutcome,
}

internal static class FeedKeys
{
    /// <summary>The key of the property name the reader is on.</summary>
    public static FeedKey Of(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped)
        {
            return Of(reader.ValueSpan);
        }

        Span<byte> scratch = stackalloc byte[64];
        return reader.ValueSpan.Length <= scratch.Length ? Of(scratch[..reader.CopyString(scratch)]) : FeedKey.Other;
    }

    /// <summary>Matches on length first, so each name costs one or two comparisons.</summary>
    public static FeedKey Of(ReadOnlySpan<byte> name) => name.Length switch
    {
        2 when name.SequenceEqual("id"u8) => FeedKey.Id,
        4 when name.SequenceEqual("bids"u8) => FeedKey.Bids,
        4 when name.SequenceEqual("asks"u8) => FeedKey.Asks,
        4 when name.SequenceEqual("hash"u8) => FeedKey.Hash,
        4 when name.SequenceEqual("size"u8) => FeedKey.Size,
        4 when name.SequenceEqual("side"u8) => FeedKey.Side,
        4 when name.SequenceEqual("buys"u8) => FeedKey.Bids,
        4 when name.SequenceEqual("slug"u8) => FeedKey.Slug,
        5 when name.SequenceEqual("price"u8) => FeedKey.Price,
        5 when name.SequenceEqual("sells"u8) => FeedKey.Asks,
        6 when name.SequenceEqual("market"u8) => FeedKey.Market,
        6 when name.SequenceEqual("spread"u8) => FeedKey.Spread,
        7 when name.SequenceEqual("changes"u8) => FeedKey.Changes,
        8 when name.SequenceEqual("asset_id"u8) => FeedKey.AssetId,
        8 when name.SequenceEqual("best_bid"u8) => FeedKey.BestBid,
        8 when name.SequenceEqual("best_ask"u8) => FeedKey.BestAsk,
        8 when name.SequenceEqual("question"u8) => FeedKey.Question,
        8 when name.SequenceEqual("outcomes"u8) => FeedKey.Outcomes,
        9 when name.SequenceEqual("timestamp"u8) => FeedKey.Timestamp,
        9 when name.SequenceEqual("tick_size"u8) => FeedKey.TickSize,
        10 when name.SequenceEqual("event_type"u8) => FeedKey.EventType,
        10 when name.SequenceEqual("assets_ids"u8) => FeedKey.AssetsIds,
        12 when name.SequenceEqual("fee_rate_bps"u8) => FeedKey.FeeRateBps,
        13 when name.SequenceEqual("price_changes"u8) => FeedKey.PriceChanges,
        13 when name.SequenceEqual("old_tick_size"u8) => FeedKey.OldTickSize,
        13 when name.SequenceEqual("new_tick_size"u8) => FeedKey.NewTickSize,
        15 when name.SequenceEqual("winning_outcome"u8) => FeedKey.WinningOutcome,
        16 when name.SequenceEqual("last_trade_price"u8) => FeedKey.LastTradePrice,
        16 when name.SequenceEqual("winning_asset_id"u8) => FeedKey.WinningAssetId,
        _ => FeedKey.Other,
    };

    /// <summary>The <c>event_type</c> value.</summary>
    public static FeedEventKind KindOf(ReadOnlySpan<byte> value) => value.Length switch
    {
        4 when value.SequenceEqual("book"u8) => FeedEventKind.Book,
        10 when value.SequenceEqual("new_market"u8) => FeedEventKind.NewMarket,
        12 when value.SequenceEqual("price_change"u8) => FeedEventKind.PriceChange,
        12 when value.SequenceEqual("best_bid_ask"u8) => FeedEventKind.BestBidAsk,
        15 when value.SequenceEqual("market_resolved"u8) => FeedEventKind.MarketResolved,
        16 when value.SequenceEqual("tick_size_change"u8) => FeedEventKind.TickSizeChange,
        16 when value.SequenceEqual("last_trade_price"u8) => FeedEventKind.LastTradePrice,
        _ => FeedEventKind.Unknown,
    };
}
