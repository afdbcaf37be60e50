using System.Text.Json;
using System.Text.Json.Nodes;

namespace Prescient.Polymarket.Wire;

/// <summary>
/// The same tolerant readers over <see cref="JsonNode"/> trees, for the CLOB replies, which are
/// small and still parsed as nodes.
/// </summary>
internal static partial class WireReader
{
    /// <summary>A string value, or a number's exact text (ids such as <c>gameId</c>); empty or blank is null.</summary>
    public static string? Text(JsonNode? node)
    {
        if (node is not JsonValue value)
        {
            return null;
        }

        var text = value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.Number => value.ToJsonString(),
            _ => null,
        };
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    public static string? Text(JsonObject obj, string key) => Text(obj[key]);

    /// <summary>A decimal from a JSON number or a numeric string (".48", "1e-5" included).</summary>
    public static decimal? Decimal(JsonNode? node)
    {
        if (node is not JsonValue value)
        {
            return null;
        }

        switch (value.GetValueKind())
        {
            case JsonValueKind.Number:
                return value.TryGetValue<decimal>(out var number) ? number : ParseDecimal(value.ToJsonString());
            case JsonValueKind.String:
                return ParseDecimal(value.GetValue<string>());
            default:
                return null;
        }
    }

    public static decimal? Decimal(JsonObject obj, string key) => Decimal(obj[key]);

    public static bool? Bool(JsonObject obj, string key)
    {
        if (obj[key] is not JsonValue value)
        {
            return null;
        }

        return value.GetValueKind() switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.String when bool.TryParse(value.GetValue<string>().Trim(), out var parsed) => parsed,
            _ => null,
        };
    }

    public static DateTimeOffset? Date(JsonObject obj, string key) => WireDates.Parse(Text(obj, key));

    public static JsonObject? Object(JsonObject obj, string key) => obj[key] as JsonObject;

    /// <summary>
    /// The items of an array that arrives either as a real JSON array or as JSON text inside a
    /// string (<c>"[\"Yes\", \"No\"]"</c>). Null when absent, null, or not an array.
    /// </summary>
    public static IReadOnlyList<JsonNode?>? Array(JsonObject obj, string key)
    {
        switch (obj[key])
        {
            case JsonArray array:
                return array.ToArray();
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                return ParseEmbeddedArray(value.GetValue<string>());
            default:
                return null;
        }
    }

    /// <summary>An array of texts (see <see cref="Array(JsonObject, string)"/>); an item that is not text is null.</summary>
    public static IReadOnlyList<string?>? TextArray(JsonObject obj, string key) =>
        Array(obj, key)?.Select(item => Text(item)).ToArray();

    private static JsonNode?[]? ParseEmbeddedArray(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(text) is JsonArray array ? array.ToArray() : null;
        }
        catch (JsonException)
        {
            // Not JSON: the field is unusable, which the caller reports as absent.
            return null;
        }
    }
}
