using System.Text.Json;
using System.Text.Json.Serialization;
using Prescient.Engine.Quotes;

namespace Prescient.Storage.Files.Json;

/// <summary>
/// A book level as <c>{"price": …, "size": …}</c>, written and read directly: the general object
/// converter boxes each struct it writes, and a refresh writes a few hundred thousand levels.
/// Reading is as strict as for any record: both values are required numbers; other keys are skipped.
/// </summary>
internal sealed class QuoteLevelConverter : JsonConverter<QuoteLevel>
{
    private static readonly JsonEncodedText Price = JsonEncodedText.Encode("price");
    private static readonly JsonEncodedText Size = JsonEncodedText.Encode("size");

    public override QuoteLevel Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"A book level must be a JSON object, not {reader.TokenType}.");
        }

        decimal? price = null;
        decimal? size = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isPrice = reader.ValueTextEquals(Price.EncodedUtf8Bytes);
            var isSize = !isPrice && reader.ValueTextEquals(Size.EncodedUtf8Bytes);
            reader.Read();
            if (isPrice)
            {
                price = Number(ref reader, "price");
            }
            else if (isSize)
            {
                size = Number(ref reader, "size");
            }
            else
            {
                reader.Skip();
            }
        }

        return price is { } p && size is { } s
            ? new QuoteLevel(p, s)
            : throw new JsonException("A book level needs both a price and a size.");
    }

    private static decimal Number(ref Utf8JsonReader reader, string name) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetDecimal(out var value)
            ? value
            : throw new JsonException($"A book level's {name} must be a decimal number, not {reader.TokenType}.");

    public override void Write(Utf8JsonWriter writer, QuoteLevel value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteNumber(Price, value.Price);
        writer.WriteNumber(Size, value.Size);
        writer.WriteEndObject();
    }
}
