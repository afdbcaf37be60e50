using System.Globalization;
using System.Text;
using System.Text.Json;
using Prescient.Sample.Universe;

namespace Prescient.Sample.Wire;

/// <summary>Number, date and JSON-in-JSON text exactly as Polymarket writes them.</summary>
internal static class WireText
{
    private static readonly System.Buffers.SearchValues<char> NeedsEscaping =
        System.Buffers.SearchValues.Create("\"\\<>&'+`\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\t\n\u000b\f\r\u000e\u000f\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f");

    /// <summary>Invariant decimal without trailing zeros: 0.0105, 1, 17976157.529867.</summary>
    public static string Decimal(decimal value) => MarketModel.Normalize(value).ToString(CultureInfo.InvariantCulture);

    public static string Integer(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Iso(long ticks) => DateFormats.Format(new DateTimeOffset(ticks, TimeSpan.Zero), DateFormat.IsoSeconds);

    public static string IsoMicro(long ticks) => DateFormats.Format(new DateTimeOffset(ticks, TimeSpan.Zero), DateFormat.IsoMicroseconds);

    public static string DateOnly(long ticks) => DateFormats.Format(new DateTimeOffset(ticks, TimeSpan.Zero), DateFormat.DateOnly);

    public static string Postgres(long ticks) => DateFormats.Format(new DateTimeOffset(ticks, TimeSpan.Zero), DateFormat.Postgres);

    /// <summary>A JSON array of strings encoded as one string, with Gamma's ", " separator: <c>["Yes", "No"]</c>.</summary>
    public static string EncodedArray(IEnumerable<string> items)
    {
        var builder = new StringBuilder("[");
        foreach (var item in items)
        {
            if (builder.Length > 1)
            {
                builder.Append(", ");
            }

            if (item.AsSpan().IndexOfAny(NeedsEscaping) < 0 && System.Text.Ascii.IsValid(item))
            {
                builder.Append('"').Append(item).Append('"');
            }
            else
            {
                builder.Append(JsonSerializer.Serialize(item));
            }
        }

        return builder.Append(']').ToString();
    }

    public static void Write(this Utf8JsonWriter writer, JsonEncodedText name, decimal value) =>
        writer.WriteNumber(name, MarketModel.Normalize(value));
}
