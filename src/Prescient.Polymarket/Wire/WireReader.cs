using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
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
        value.ValueKind == JsonValueKind.String
            ? ParseEmbedded(value.GetString()!, static (ref Utf8JsonReader item) => EmbeddedText(ref item))
            : Array(value)?.Select(item => Text(item)).ToArray();

    /// <summary>
    /// The items of an array (see <see cref="Array(JsonElement)"/>) as decimals, each read as
    /// <see cref="Decimal(JsonElement)"/> reads a value: <c>outcomePrices</c> is such an array.
    /// </summary>
    public static IReadOnlyList<decimal?>? DecimalArray(JsonElement value) =>
        value.ValueKind == JsonValueKind.String
            ? ParseEmbedded(value.GetString()!, static (ref Utf8JsonReader item) => EmbeddedDecimal(ref item))
            : Array(value)?.Select(Decimal).ToArray();

    /// <summary>The value under <paramref name="key"/>, or null when absent or when <paramref name="obj"/> is not an object.</summary>
    public static JsonElement? Property(JsonElement obj, string key) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(key, out var value) ? value : null;

    private static decimal? ParseDecimal(string? text) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;

    /// <summary>Reads one item of an embedded array and leaves the reader on its last token.</summary>
    private delegate T ItemReader<T>(ref Utf8JsonReader reader);

    /// <summary>
    /// The items of an array held as JSON text, read straight from the text's bytes: the same
    /// outcome as parsing it into a document (null unless the whole text is one valid JSON array),
    /// without building one. Each of a market's outcome arrays is such a text.
    /// </summary>
    private static T[]? ParseEmbedded<T>(string text, ItemReader<T> readItem)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        const int StackBytes = 512;
        var size = Encoding.UTF8.GetMaxByteCount(text.Length);
        byte[]? rented = null;
        var buffer = size <= StackBytes ? stackalloc byte[StackBytes] : (rented = ArrayPool<byte>.Shared.Rent(size));
        try
        {
            var reader = new Utf8JsonReader(buffer[..Encoding.UTF8.GetBytes(text, buffer)]);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
            {
                return null;
            }

            var items = new List<T>(2);
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                items.Add(readItem(ref reader));
            }

            // Only whitespace may follow; anything else is not one JSON value.
            return reader.Read() ? null : [.. items];
        }
        catch (JsonException)
        {
            // Not JSON: the field is unusable, which the caller reports as absent.
            return null;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>As <see cref="Text(JsonElement)"/> for the item under the reader.</summary>
    private static string? EmbeddedText(ref Utf8JsonReader reader)
    {
        var text = reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Number => Encoding.UTF8.GetString(reader.ValueSpan),
            _ => SkipItem(ref reader),
        };
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    /// <summary>As <see cref="Decimal(JsonElement)"/> for the item under the reader.</summary>
    private static decimal? EmbeddedDecimal(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                return reader.TryGetDecimal(out var number) ? number : ParseDecimal(Encoding.UTF8.GetString(reader.ValueSpan));
            case JsonTokenType.String when !reader.ValueIsEscaped:
                return decimal.TryParse(reader.ValueSpan, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
            case JsonTokenType.String:
                return ParseDecimal(reader.GetString());
            default:
                SkipItem(ref reader);
                return null;
        }
    }

    /// <summary>Moves past an object or array item (no value of it is read); null.</summary>
    private static string? SkipItem(ref Utf8JsonReader reader)
    {
        reader.Skip();
        return null;
    }

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
