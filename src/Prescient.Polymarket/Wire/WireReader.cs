using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace Prescient.Polymarket.Wire;

/// <summary>
/// Tolerant readers for Polymarket JSON. The same field arrives as a string or a number
/// (<c>volume</c>, <c>base_fee</c>, <c>gameId</c>), keys are absent or null, and some arrays are
/// JSON text inside a string (<c>outcomes</c>, <c>outcomePrices</c>, <c>clobTokenIds</c>). Every
/// reader returns null for "not there or not usable" and never throws on upstream data.
/// Numbers become decimals from their exact text, invariant culture. These overloads read
/// <see cref="JsonElement"/>s (the Gamma path); a key is looked up only when the element is an object.
/// </summary>
internal static partial class WireReader
{
    /// <summary>A string value, or a number's exact text (ids such as <c>gameId</c>); empty or blank is null.</summary>
    public static string? Text(JsonElement value)
    {
        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    public static string? Text(JsonElement obj, string key) => Property(obj, key) is { } value ? Text(value) : null;

    /// <summary>A decimal from a JSON number or a numeric string (".48", "1e-5" included).</summary>
    public static decimal? Decimal(JsonElement value) =>
        value.ValueKind switch
        {
            JsonValueKind.Number => value.TryGetDecimal(out var number) ? number : ParseDecimal(value.GetRawText()),
            JsonValueKind.String => DecimalText(value),
            _ => null,
        };

    /// <summary>
    /// A numeric string read straight from its UTF-8 bytes (prices and sizes arrive as strings by
    /// the hundred thousand); one with escapes goes through its decoded text. Same rules either way.
    /// </summary>
    private static decimal? DecimalText(JsonElement value)
    {
        var raw = JsonMarshal.GetRawUtf8Value(value);
        var text = raw[1..^1];
        if (text.IndexOf((byte)'\\') >= 0)
        {
            return ParseDecimal(value.GetString());
        }

        return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
    }

    public static decimal? Decimal(JsonElement obj, string key) => Property(obj, key) is { } value ? Decimal(value) : null;

    public static bool? Bool(JsonElement obj, string key) => Property(obj, key) is { } value ? Bool(value) : null;

    /// <summary>A JSON boolean or a "true"/"false" string.</summary>
    public static bool? Bool(JsonElement value) =>
        value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.String when bool.TryParse(value.GetString()!.Trim(), out var parsed) => parsed,
            _ => null,
        };

    public static DateTimeOffset? Date(JsonElement obj, string key) => WireDates.Parse(Text(obj, key));

    public static DateTimeOffset? Date(JsonElement value) => WireDates.Parse(Text(value));

    public static JsonElement? Object(JsonElement obj, string key) =>
        Property(obj, key) is { ValueKind: JsonValueKind.Object } value ? value : null;

    /// <summary>
    /// The items of an array that arrives either as a real JSON array or as JSON text inside a
    /// string (<c>"[\"Yes\", \"No\"]"</c>). Null when absent, null, or not an array.
    /// </summary>
    public static IReadOnlyList<JsonElement>? Array(JsonElement obj, string key) =>
        Property(obj, key) is { } value ? Array(value) : null;

    /// <summary>As <see cref="Array(JsonElement, string)"/>, for a value already looked up (see <see cref="WireKeys"/>).</summary>
    public static IReadOnlyList<JsonElement>? Array(JsonElement value) =>
        value switch
        {
            { ValueKind: JsonValueKind.Array } array => [.. array.EnumerateArray()],
            { ValueKind: JsonValueKind.String } text => ParseEmbeddedElements(text.GetString()!),
            _ => null,
        };

    /// <summary>An array of texts (see <see cref="Array(JsonElement, string)"/>); an item that is not text is null.</summary>
    public static IReadOnlyList<string?>? TextArray(JsonElement obj, string key) =>
        Array(obj, key)?.Select(item => Text(item)).ToArray();

    /// <summary>As <see cref="TextArray(JsonElement, string)"/>, for a value already looked up.</summary>
    public static IReadOnlyList<string?>? TextArray(JsonElement value) =>
        Array(value)?.Select(item => Text(item)).ToArray();

    /// <summary>The value under <paramref name="key"/>, or null when absent or when <paramref name="obj"/> is not an object.</summary>
    public static JsonElement? Property(JsonElement obj, string key) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(key, out var value) ? value : null;

    private static decimal? ParseDecimal(string? text) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;

    private static JsonElement[]? ParseEmbeddedElements(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.ValueKind == JsonValueKind.Array ? [.. document.RootElement.Clone().EnumerateArray()] : null;
        }
        catch (JsonException)
        {
            // Not JSON: the field is unusable, which the caller reports as absent.
            return null;
        }
    }
}
