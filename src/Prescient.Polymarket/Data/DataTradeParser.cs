using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Prescient.Domain.Ids;
using Prescient.Engine.Trading.Audit;

namespace Prescient.Polymarket.Data;

/// <summary>
/// One row of Data API <c>GET /trades</c> (recorded: data-api/data_api_trades_page.json): <c>asset</c>
/// (token id), <c>conditionId</c>, <c>side</c> (BUY/SELL, the taker's), <c>size</c> (shares) and
/// <c>price</c> as numbers or strings, <c>timestamp</c> in unix seconds. Other fields are ignored.
/// </summary>
internal static class DataTradeParser
{
    /// <summary>The print, or null (with the reason) when the row lacks a field or holds one that does not read.</summary>
    public static MarketPrint? Parse(JsonNode? row, out string? problem)
    {
        problem = null;
        if (row is not JsonObject o)
        {
            problem = "a row is not a JSON object";
            return null;
        }

        var asset = Text(o["asset"]);
        var side = Text(o["side"])?.ToUpperInvariant();
        if (asset is not { Length: > 0 } || !asset.All(char.IsAsciiDigit) || side is not ("BUY" or "SELL")
            || Number(o["size"]) is not { } size || Number(o["price"]) is not { } price
            || Seconds(o["timestamp"]) is not { } seconds || price is < 0m or > 1m || size < 0m)
        {
            problem = "a row without a readable asset, side, size, price (0 to 1) or timestamp";
            return null;
        }

        return new MarketPrint(TokenId.Create(asset), side == "BUY", size, price, DateTimeOffset.FromUnixTimeSeconds(seconds));
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    private static decimal? Number(JsonNode? node) => node is JsonValue v
        ? v.GetValueKind() switch
        {
            JsonValueKind.Number when v.TryGetValue<decimal>(out var d) => d,
            JsonValueKind.Number => decimal.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var e) ? e : null,
            JsonValueKind.String => decimal.TryParse(v.GetValue<string>(), NumberStyles.Float, CultureInfo.InvariantCulture, out var s) ? s : null,
            _ => null,
        }
        : null;

    private static long? Seconds(JsonNode? node) => Number(node) is { } n && n >= 0 && n < 100_000_000_000m ? (long)n : null;
}
