using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Prescient.Storage.Files.Json;

/// <summary>
/// Writes a timestamp as ISO-8601 UTC with a <c>Z</c> suffix and only the fractional digits it
/// needs (<c>2026-11-25T09:55:51.123Z</c>, <c>2026-11-25T09:00:00Z</c>), so no tick is lost.
/// Reads any ISO-8601 timestamp with an offset and converts it to UTC.
/// </summary>
public sealed class UtcDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
{
    /// <summary>The write format: UTC, trailing zeros of the fraction trimmed.</summary>
    public const string Format = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'";

    public static string ToText(DateTimeOffset value) =>
        value.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"A timestamp must be a JSON string, not {reader.TokenType}.");
        }

        var text = reader.GetString();
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            ? value.ToUniversalTime()
            : throw new JsonException($"'{text}' is not an ISO-8601 timestamp.");
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);

        // Formatted on the stack: the files hold a timestamp per record.
        Span<char> text = stackalloc char[48];
        writer.WriteStringValue(value.UtcDateTime.TryFormat(text, out var length, Format, CultureInfo.InvariantCulture)
            ? text[..length]
            : ToText(value));
    }
}
