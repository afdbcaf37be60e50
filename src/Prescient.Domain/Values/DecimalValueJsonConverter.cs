using System.Text.Json;
using System.Text.Json.Serialization;

namespace Prescient.Domain.Values;

/// <summary>
/// Writes a value as a plain JSON number (exactly the decimal it wraps, trailing zeros kept) and
/// reads it back from one, validating it; a JSON string is refused, as with a bare decimal.
/// </summary>
public sealed class DecimalValueJsonConverter<T> : JsonConverter<T>
    where T : struct, IDecimalValue<T>
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            throw new JsonException($"{typeof(T).Name} must be a JSON number, not {reader.TokenType}.");
        }

        try
        {
            return T.Create(reader.GetDecimal());
        }
        catch (ArgumentOutOfRangeException ex)
        {
            throw new JsonException($"{typeof(T).Name}: {ex.Message}", ex);
        }
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteNumberValue(value.Value);
    }
}
