using System.Globalization;
using System.Text;
using System.Text.Json;
using Prescient.Sample.Universe;

namespace Prescient.Sample.Wire;

/// <summary>Number, date and JSON-in-JSON text exactly as Polymarket writes them.</summary>
internal static class WireText
{
    /// <summary>Longest decimal text: sign, 29 digits, point and leading "0." zeros.</summary>
    public const int MaxDecimalBytes = 64;

    private static readonly System.Buffers.SearchValues<char> NeedsEscaping =
        System.Buffers.SearchValues.Create("\"\\<>&'+`\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\t\n\u000b\f\r\u000e\u000f\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f");

    /// <summary>Invariant decimal without trailing zeros: 0.0105, 1, 17976157.529867.</summary>
    public static string Decimal(decimal value)
    {
        Span<byte> buffer = stackalloc byte[MaxDecimalBytes];
        return Encoding.ASCII.GetString(buffer[..FormatDecimal(value, buffer)]);
    }

    /// <summary>
    /// Writes the invariant text of a decimal without trailing zeros into <paramref name="destination"/>
    /// (at least <see cref="MaxDecimalBytes"/> long) and returns its length. Digit by digit: several
    /// times faster than normalizing and formatting, and these numbers fill most of every page.
    /// </summary>
    public static int FormatDecimal(decimal value, Span<byte> destination)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        if (bits[2] != 0)
        {
            MarketModel.Normalize(value).TryFormat(destination, out var written, default, CultureInfo.InvariantCulture);
            return written;
        }

        var mantissa = (uint)bits[0] | ((ulong)(uint)bits[1] << 32);
        var scale = (bits[3] >> 16) & 0xFF;
        while (scale > 0 && mantissa % 10 == 0)
        {
            mantissa /= 10;
            scale--;
        }

        Span<byte> digits = stackalloc byte[20];
        var count = 0;
        do
        {
            digits[count++] = (byte)('0' + (int)(mantissa % 10));
            mantissa /= 10;
        }
        while (mantissa != 0);

        var at = 0;
        if (bits[3] < 0 && (count > 1 || digits[0] != '0'))
        {
            destination[at++] = (byte)'-';
        }

        if (count <= scale)
        {
            destination[at++] = (byte)'0';
            destination[at++] = (byte)'.';
            for (var i = 0; i < scale - count; i++)
            {
                destination[at++] = (byte)'0';
            }
        }

        for (var i = count - 1; i >= 0; i--)
        {
            destination[at++] = digits[i];
            if (i == scale && scale > 0 && count > scale)
            {
                destination[at++] = (byte)'.';
            }
        }

        return at;
    }

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

    /// <summary>Writes a decimal JSON number without trailing zeros.</summary>
    public static void Write(this Utf8JsonWriter writer, JsonEncodedText name, decimal value)
    {
        Span<byte> buffer = stackalloc byte[MaxDecimalBytes];
        var length = FormatDecimal(value, buffer);
        writer.WritePropertyName(name);
        writer.WriteRawValue(buffer[..length], skipInputValidation: true);
    }
}
