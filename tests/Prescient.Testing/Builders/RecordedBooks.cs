using System.Globalization;
using System.Text.Json.Nodes;
using Prescient.Domain.Books;
using Prescient.Domain.Ids;

namespace Prescient.Testing.Builders;

/// <summary>Order books read from the recorded payloads in <c>fixtures/polymarket/</c> (prices and sizes as strings, best price last).</summary>
public static class RecordedBooks
{
    /// <summary>
    /// The initial dump of <c>ws/ws_public_replay_2026-05.txt</c> (May 2026): 24 books, the YES and the
    /// NO token of 12 binary markets, each pair from the same instant, grouped by condition id.
    /// </summary>
    public static IReadOnlyList<(OrderBook First, OrderBook Second)> ReplayPairs()
    {
        var frames = Fixtures.Text("ws/ws_public_replay_2026-05.txt").Split(";;");
        var dump = frames.Select(f => f.Trim()).First(f => f.StartsWith('['));
        return [.. JsonNode.Parse(dump)!.AsArray()
            .Select(node => Read(node!))
            .GroupBy(b => b.ConditionId)
            .Select(g => (g.First(), g.Last()))];
    }

    /// <summary><c>clob/book_2024-10_legacy_format.json</c>: a real <c>GET /book</c> whose first entries are 0.01 and 0.98 (best last).</summary>
    public static OrderBook Legacy() => Read(Fixtures.Json("clob/book_2024-10_legacy_format.json"));

    /// <summary>A CLOB or WebSocket book object as the domain holds it, stamped with its own <c>timestamp</c> (epoch ms).</summary>
    public static OrderBook Read(JsonNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var ms = long.Parse((string)node["timestamp"]!, CultureInfo.InvariantCulture);
        return OrderBook.Create(
                TokenId.Create((string)node["asset_id"]!),
                ConditionId.Create((string)node["market"]!),
                Levels(node["bids"]),
                Levels(node["asks"])) with
        {
            Timestamp = DateTimeOffset.FromUnixTimeMilliseconds(ms),
            TickSize = Decimal(node["tick_size"]),
            MinOrderSize = Decimal(node["min_order_size"]),
            LastTradePrice = Decimal(node["last_trade_price"]),
        };
    }

    private static BookLevel[] Levels(JsonNode? side) =>
        [.. side!.AsArray().Select(l => new BookLevel(Decimal(l!["price"])!.Value, Decimal(l["size"])!.Value))];

    private static decimal? Decimal(JsonNode? value) =>
        value is null ? null : decimal.Parse((string)value!, NumberStyles.Float, CultureInfo.InvariantCulture);
}
