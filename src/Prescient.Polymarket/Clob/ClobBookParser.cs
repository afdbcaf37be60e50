using System.Text.Json;
using System.Text.Json.Nodes;
using Prescient.Domain.Books;
using Prescient.Domain.Ids;
using Prescient.Polymarket.Wire;

namespace Prescient.Polymarket.Clob;

/// <summary>
/// Maps a CLOB book object (<c>/book</c>, one element of <c>/books</c>, or a WebSocket <c>book</c>)
/// to an <see cref="OrderBook"/>. Reads the 2026 shape (<c>tick_size</c>, <c>min_order_size</c>,
/// <c>neg_risk</c>, <c>last_trade_price</c>) and the 2024 shape without them. Wire order is not
/// trusted: <see cref="OrderBook.Create"/> sorts best first. Zero-size levels are dropped; a level
/// priced outside [0, 1] or with a negative or unreadable size makes the whole book malformed.
/// </summary>
public static class ClobBookParser
{
    /// <summary>Parses a book held as a node (tests, single replies); the same rules as the element overload.</summary>
    public static ParseResult<OrderBook> Parse(JsonObject book)
    {
        ArgumentNullException.ThrowIfNull(book);
        return Parse(JsonSerializer.SerializeToElement(book));
    }

    /// <summary>Parses one book element; a non-object is a failure value.</summary>
    public static ParseResult<OrderBook> Parse(JsonElement book)
    {
        if (book.ValueKind != JsonValueKind.Object)
        {
            return ParseResult.Failure<OrderBook>("not a JSON object");
        }

        var assetId = WireReader.Text(book, "asset_id");
        if (assetId is null)
        {
            return ParseResult.Failure<OrderBook>("book without an asset_id");
        }

        var bids = Levels(book, "bids", assetId, out var bidError);
        if (bidError is not null)
        {
            return ParseResult.Failure<OrderBook>(bidError);
        }

        var asks = Levels(book, "asks", assetId, out var askError);
        if (askError is not null)
        {
            return ParseResult.Failure<OrderBook>(askError);
        }

        var market = WireReader.Text(book, "market");
        return ParseResult.Success(OrderBook.Create(
                TokenId.Create(assetId),
                market is null ? null : ConditionId.Create(market),
                bids,
                asks) with
        {
            TickSize = WireReader.Decimal(book, "tick_size"),
            MinOrderSize = WireReader.Decimal(book, "min_order_size"),
            Timestamp = WireDates.ParseEpochMillisecondsOrDate(WireReader.Text(book, "timestamp")),
            LastTradePrice = WireReader.Decimal(book, "last_trade_price"),
            NegRisk = WireReader.Bool(book, "neg_risk"),
            Hash = WireReader.Text(book, "hash"),
        });
    }

    private static List<BookLevel> Levels(JsonElement book, string side, string assetId, out string? error)
    {
        var levels = new List<BookLevel>();
        error = null;
        if (WireReader.Property(book, side) is not { } node || node.ValueKind == JsonValueKind.Null)
        {
            // A one-sided book can leave the empty side out; nothing to read.
            return levels;
        }

        if (node.ValueKind != JsonValueKind.Array)
        {
            error = $"book {assetId}: {side} is not an array";
            return levels;
        }

        foreach (var item in node.EnumerateArray())
        {
            var isObject = item.ValueKind == JsonValueKind.Object;
            var price = isObject ? WireReader.Decimal(item, "price") : null;
            var size = isObject ? WireReader.Decimal(item, "size") : null;
            if (price is not (>= 0m and <= 1m))
            {
                error = $"book {assetId}: a {side} level has price {Describe(item, "price")}, outside [0, 1]";
                return levels;
            }

            if (size is null or < 0m)
            {
                error = $"book {assetId}: a {side} level has size {Describe(item, "size")}";
                return levels;
            }

            if (size > 0m)
            {
                levels.Add(new BookLevel(price.Value, size.Value));
            }
        }

        return levels;
    }

    private static string Describe(JsonElement item, string key) =>
        item.ValueKind == JsonValueKind.Object && WireReader.Property(item, key) is { } value ? value.GetRawText() : "missing";
}
