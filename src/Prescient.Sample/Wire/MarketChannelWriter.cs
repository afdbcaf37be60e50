using System.Text.Json;
using Prescient.Sample.Universe;

namespace Prescient.Sample.Wire;

/// <summary>One level change of a <c>price_change</c> message: <paramref name="Size"/> is the new total at that price, 0 removes the level.</summary>
/// <param name="AssetId">The token whose book changes.</param>
/// <param name="Price">USDC per share, in [0, 1].</param>
/// <param name="Size">Shares now resting at that price.</param>
/// <param name="Buy">A bid level (<c>BUY</c>) or an ask level (<c>SELL</c>).</param>
/// <param name="Hash">The token's book hash after the message, as <c>GET /book</c> gives it at that instant ("" once the book is gone).</param>
/// <param name="BestBid">The token's best bid once this entry is applied; null when no bid is left.</param>
/// <param name="BestAsk">The token's best ask once this entry is applied; null when no ask is left.</param>
internal readonly record struct PriceChangeEntry(string AssetId, decimal Price, decimal Size, bool Buy, string Hash, decimal? BestBid, decimal? BestAsk);

/// <summary>
/// Writes market-channel frames with the keys, key order and string values of the recorded frames
/// (fixtures/polymarket/ws): <c>book</c> and <c>price_change</c> as in the May 2026 replay
/// (post-September-2025 <c>price_changes</c> array), <c>best_bid_ask</c> as in the replay,
/// <c>last_trade_price</c>, <c>market_resolved</c> and <c>new_market</c> as in their recorded messages. A side with no
/// level reports a best bid of "0" and a best ask of "1" (the bounds of a price), so a value is
/// always there to compare with.
/// </summary>
internal static class MarketChannelWriter
{
    public static void WriteBook(Utf8JsonWriter w, SimBook book, MarketBlueprint market, string hash, long ticks)
    {
        w.WriteStartObject();
        w.WriteString("market", market.ConditionId);
        w.WriteString("asset_id", book.TokenId);
        w.WriteString("timestamp", Timestamp(ticks));
        w.WriteString("hash", hash);
        BookWriter.WriteLevels(w, "bids", book.Bids);
        BookWriter.WriteLevels(w, "asks", book.Asks);
        w.WriteString("tick_size", WireText.Decimal(market.TickSize));
        w.WriteString("event_type", "book");
        w.WriteString("last_trade_price", WireText.Decimal(book.LastTradePrice));
        w.WriteEndObject();
    }

    public static void WritePriceChange(Utf8JsonWriter w, string conditionId, IReadOnlyList<PriceChangeEntry> entries, long ticks)
    {
        w.WriteStartObject();
        w.WriteString("market", conditionId);
        w.WriteStartArray("price_changes");
        foreach (var e in entries)
        {
            w.WriteStartObject();
            w.WriteString("asset_id", e.AssetId);
            w.WriteString("price", WireText.Decimal(e.Price));
            w.WriteString("size", WireText.Decimal(e.Size));
            w.WriteString("side", e.Buy ? "BUY" : "SELL");
            w.WriteString("hash", e.Hash);
            w.WriteString("best_bid", WireText.Decimal(e.BestBid ?? 0m));
            w.WriteString("best_ask", WireText.Decimal(e.BestAsk ?? 1m));
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteString("timestamp", Timestamp(ticks));
        w.WriteString("event_type", "price_change");
        w.WriteEndObject();
    }

    public static void WriteBestBidAsk(Utf8JsonWriter w, string conditionId, string assetId, decimal? bestBid, decimal? bestAsk, long ticks)
    {
        var bid = bestBid ?? 0m;
        var ask = bestAsk ?? 1m;
        w.WriteStartObject();
        w.WriteString("market", conditionId);
        w.WriteString("asset_id", assetId);
        w.WriteString("best_bid", WireText.Decimal(bid));
        w.WriteString("best_ask", WireText.Decimal(ask));
        w.WriteString("spread", WireText.Decimal(ask - bid));
        w.WriteString("timestamp", Timestamp(ticks));
        w.WriteString("event_type", "best_bid_ask");
        w.WriteEndObject();
    }

    /// <summary><paramref name="feeRateBps"/> is the market's base fee in basis points; <paramref name="size"/> in shares.</summary>
    public static void WriteLastTradePrice(Utf8JsonWriter w, string assetId, string conditionId, int feeRateBps, decimal price, bool buy, decimal size, long ticks)
    {
        w.WriteStartObject();
        w.WriteString("asset_id", assetId);
        w.WriteString("event_type", "last_trade_price");
        w.WriteString("fee_rate_bps", WireText.Integer(feeRateBps));
        w.WriteString("market", conditionId);
        w.WriteString("price", WireText.Decimal(price));
        w.WriteString("side", buy ? "BUY" : "SELL");
        w.WriteString("size", WireText.Decimal(size));
        w.WriteString("timestamp", Timestamp(ticks));
        w.WriteEndObject();
    }

    /// <summary>
    /// A resolved market. A 50-50 resolution has no winning token: <c>winning_asset_id</c> and
    /// <c>winning_outcome</c> are then empty strings (no recorded frame shows that case).
    /// </summary>
    public static void WriteMarketResolved(Utf8JsonWriter w, MarketBlueprint market, string[] tags, long ticks)
    {
        var (winner, outcome) = market.Resolution switch
        {
            Resolution.YesWins => (market.YesTokenId, market.Outcomes[0]),
            Resolution.NoWins => (market.NoTokenId, market.Outcomes[1]),
            _ => ("", ""),
        };
        w.WriteStartObject();
        w.WriteString("event_type", "market_resolved");
        w.WriteString("id", WireText.Integer(market.Id));
        w.WriteString("market", market.ConditionId);
        Strings(w, "assets_ids", [market.YesTokenId, market.NoTokenId]);
        w.WriteString("winning_asset_id", winner);
        w.WriteString("winning_outcome", outcome);
        w.WriteString("timestamp", Timestamp(ticks));
        Strings(w, "tags", tags);
        w.WriteEndObject();
    }

    /// <summary>
    /// A market that has just opened, with the fields of the recorded <c>new_market</c> (which has
    /// more than the docs list); <c>sports_market_type</c> and <c>line</c> are empty as recorded,
    /// <c>game_start_time</c> is Gamma's <c>gameStartTime</c> for sports games and empty otherwise.
    /// </summary>
    public static void WriteNewMarket(Utf8JsonWriter w, EventBlueprint e, MarketBlueprint market, long ticks)
    {
        w.WriteStartObject();
        w.WriteString("event_type", "new_market");
        w.WriteString("id", WireText.Integer(market.Id));
        w.WriteString("question", market.Question);
        w.WriteString("market", market.ConditionId);
        w.WriteString("slug", market.Slug);
        w.WriteString("description", e.Description);
        Strings(w, "assets_ids", [market.YesTokenId, market.NoTokenId]);
        Strings(w, "outcomes", market.Outcomes);
        w.WriteStartObject("event_message");
        w.WriteString("id", WireText.Integer(e.Id));
        w.WriteString("ticker", e.Slug);
        w.WriteString("slug", e.Slug);
        w.WriteString("title", e.Title);
        w.WriteString("description", e.Description);
        w.WriteEndObject();
        w.WriteString("timestamp", Timestamp(ticks));
        Strings(w, "tags", e.TagSlugs);
        w.WriteString("condition_id", market.ConditionId);
        w.WriteBoolean("active", e.Active);
        Strings(w, "clob_token_ids", [market.YesTokenId, market.NoTokenId]);
        w.WriteString("sports_market_type", "");
        w.WriteString("line", "");
        w.WriteString("game_start_time", e.Kind == EventKind.Sports ? WireText.Postgres(GammaMarketWriter.GameStart(e)) : "");
        w.WriteString("order_price_min_tick_size", WireText.Decimal(market.TickSize));
        w.WriteString("group_item_title", market.GroupItemTitle ?? "");
        w.WriteEndObject();
    }

    private static void Strings(Utf8JsonWriter w, string name, string[] values)
    {
        w.WriteStartArray(name);
        foreach (var value in values)
        {
            w.WriteStringValue(value);
        }

        w.WriteEndArray();
    }

    /// <summary>Epoch milliseconds as a string, as every market-channel frame carries it.</summary>
    public static string Timestamp(long ticks) => WireText.Integer((ticks - DateTimeOffset.UnixEpoch.UtcTicks) / TimeSpan.TicksPerMillisecond);
}
