using System.Globalization;
using System.Text;
using System.Text.Json;
using Prescient.Sample.Universe;

namespace Prescient.Sample.Wire;

/// <summary>Number, date and JSON-in-JSON text exactly as Polymarket writes them.</summary>
internal static class WireText
{
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

            builder.Append(JsonSerializer.Serialize(item));
        }

        return builder.Append(']').ToString();
    }

    public static void Write(this Utf8JsonWriter writer, JsonEncodedText name, decimal value) =>
        writer.WriteNumber(name, MarketModel.Normalize(value));
}
