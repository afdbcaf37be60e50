using System.Globalization;
using System.Text.Json.Nodes;
using Prescient.Polymarket.Wire;

namespace Prescient.Polymarket.Clob;

/// <summary>
/// Maps <c>/prices-history</c> (<c>{"history":[{"t":unix seconds,"p":price}]}</c>) to points in
/// time order. Upstream timestamps are irregular by a few seconds and are kept as sent.
/// </summary>
public static class PriceHistoryParser
{
    public static ParseResult<IReadOnlyList<PricePoint>> Parse(JsonObject response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response["history"] is not JsonArray history)
        {
            return ParseResult.Failure<IReadOnlyList<PricePoint>>("price history without a history array");
        }

        var points = new List<PricePoint>(history.Count);
        for (var i = 0; i < history.Count; i++)
        {
            var point = history[i] as JsonObject;
            var seconds = point is null ? null : WireReader.Decimal(point, "t");
            var price = point is null ? null : WireReader.Decimal(point, "p");
            if (seconds is null || seconds != decimal.Truncate(seconds.Value) || !InRange(seconds.Value))
            {
                return ParseResult.Failure<IReadOnlyList<PricePoint>>(
                    string.Create(CultureInfo.InvariantCulture, $"price history point {i} has no usable unix time"));
            }

            if (price is not (>= 0m and <= 1m))
            {
                return ParseResult.Failure<IReadOnlyList<PricePoint>>(
                    string.Create(CultureInfo.InvariantCulture, $"price history point {i} has a price outside [0, 1]"));
            }

            points.Add(new PricePoint(DateTimeOffset.FromUnixTimeSeconds((long)seconds.Value), price.Value));
        }

        return ParseResult.Success<IReadOnlyList<PricePoint>>(points.OrderBy(p => p.Time).ToArray());
    }

    private static bool InRange(decimal seconds) =>
        seconds >= DateTimeOffset.MinValue.ToUnixTimeSeconds() && seconds <= DateTimeOffset.MaxValue.ToUnixTimeSeconds();
}
