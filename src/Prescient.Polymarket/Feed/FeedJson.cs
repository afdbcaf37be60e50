using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace Prescient.Polymarket.Feed;

/// <summary>
/// Value readers for the market channel on a <see cref="Utf8JsonReader"/>: numbers may arrive as
/// strings or as JSON numbers and are read as invariant decimals straight from the UTF-8 bytes.
/// Each returns false when the value cannot be read; the caller names the field.
/// </summary>
internal static class FeedJson
{
    [ThreadStatic]
    private static byte[]? _threadScratch;

    /// <summary>
    /// The raw UTF-8 of a string or number token. An escaped string (rare: ids and numbers need no
    /// escapes) is unescaped into a per-thread buffer, valid until the next call on the thread.
    /// </summary>
    public static bool TryRaw(ref Utf8JsonReader reader, out ReadOnlySpan<byte> value)
    {
        if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.Number))
        {
            value = default;
            return false;
        }

        if (!reader.ValueIsEscaped)
        {
            value = reader.ValueSpan;
            return true;
        }

        var scratch = _threadScratch ??= new byte[512];
        if (reader.ValueSpan.Length > scratch.Length)
        {
            value = default;
            return false;
        }

        value = scratch.AsSpan(0, reader.CopyString(scratch));
        return true;
    }

    public static bool TryDecimal(ref Utf8JsonReader reader, out decimal value)
    {
        value = 0m;
        return TryRaw(ref reader, out var raw) && TryDecimal(raw, out value);
    }

    /// <summary>Plain digits with an optional point (every recorded price and size) take a fast path; anything else goes to <see cref="Utf8Parser"/>.</summary>
    public static bool TryDecimal(ReadOnlySpan<byte> raw, out decimal value) =>
        TryPlainDecimal(raw, out value)
        || Utf8Parser.TryParse(raw, out value, out var used) && used == raw.Length
        || Utf8Parser.TryParse(raw, out value, out used, 'E') && used == raw.Length;

    /// <summary>"123", "0.015", ".48": up to 18 digits, so the mantissa fits a ulong exactly.</summary>
    private static bool TryPlainDecimal(ReadOnlySpan<byte> raw, out decimal value)
    {
        value = 0m;
        if (raw.IsEmpty || raw.Length > 19)
        {
            return false;
        }

        ulong mantissa = 0;
        var digits = 0;
        var scale = -1;
        foreach (var b in raw)
        {
            var digit = (uint)(b - '0');
            if (digit <= 9)
            {
                mantissa = (mantissa * 10) + digit;
                digits++;
                if (scale >= 0)
                {
                    scale++;
                }
            }
            else if (b == '.' && scale < 0)
            {
                scale = 0;
            }
            else
            {
                return false;
            }
        }

        if (digits == 0 || digits > 18)
        {
            return false;
        }

        value = new decimal((int)(uint)mantissa, (int)(uint)(mantissa >> 32), 0, isNegative: false, (byte)Math.Max(scale, 0));
        return true;
    }

    /// <summary>
    /// A best bid or ask: a price, or an empty side as JSON null, <c>""</c>, <c>"0"</c> or <c>"1"</c> (no
    /// recorded frame shows an empty side; these are the plausible spellings, the last the one the
    /// CLOB's REST midpoint uses for a missing ask, and no real quote is 0 or 1: prices lie strictly between).
    /// </summary>
    public static bool TryTopPrice(ref Utf8JsonReader reader, out decimal? value)
    {
        value = null;
        if (reader.TokenType == JsonTokenType.Null || reader.TokenType == JsonTokenType.String && reader.ValueSpan.IsEmpty)
        {
            return true;
        }

        if (!TryDecimal(ref reader, out var price))
        {
            return false;
        }

        switch (UnitRangeOf(price))
        {
            case UnitRange.Outside:
                return false;
            case UnitRange.Inside:
                value = price;
                return true;
            default:
                return true;
        }
    }

    /// <summary>
    /// Where a value lies against [0, 1], read from its mantissa and scale: the per-change price and
    /// top checks would otherwise cost a dozen <see cref="decimal"/> comparisons (each a call that
    /// aligns scales), a tenth of the parser's time.
    /// </summary>
    public static UnitRange UnitRangeOf(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var scale = (bits[3] >> 16) & 0xFF;
        if (bits[2] != 0 || scale >= Pow10.Length)
        {
            return value is < 0m or > 1m ? UnitRange.Outside : value == 0m ? UnitRange.Zero : value == 1m ? UnitRange.One : UnitRange.Inside;
        }

        var mantissa = ((ulong)(uint)bits[1] << 32) | (uint)bits[0];
        var one = Pow10[scale];
        return mantissa == 0 ? UnitRange.Zero
            : bits[3] < 0 || mantissa > one ? UnitRange.Outside
            : mantissa == one ? UnitRange.One
            : UnitRange.Inside;
    }

    /// <summary>In [0, 1] (what every price must be).</summary>
    public static bool IsUnit(decimal value) => UnitRangeOf(value) != UnitRange.Outside;

    private static ReadOnlySpan<ulong> Pow10 =>
    [
        1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000, 10_000_000_000,
        100_000_000_000, 1_000_000_000_000, 10_000_000_000_000, 100_000_000_000_000, 1_000_000_000_000_000,
        10_000_000_000_000_000, 100_000_000_000_000_000, 1_000_000_000_000_000_000, 10_000_000_000_000_000_000,
    ];

    /// <summary>Epoch milliseconds, as a string or a number.</summary>
    public static bool TryTimestamp(ref Utf8JsonReader reader, out DateTimeOffset? value)
    {
        value = null;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (!TryRaw(ref reader, out var raw) || !Utf8Parser.TryParse(raw, out long ms, out var used) || used != raw.Length
            || ms < DateTimeOffset.MinValue.ToUnixTimeMilliseconds() || ms > DateTimeOffset.MaxValue.ToUnixTimeMilliseconds())
        {
            return false;
        }

        value = DateTimeOffset.FromUnixTimeMilliseconds(ms);
        return true;
    }

    /// <summary>A string (or number, for numeric ids) as text; null for JSON null.</summary>
    public static bool TryText(ref Utf8JsonReader reader, out string? value)
    {
        value = null;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (reader.TokenType == JsonTokenType.String)
        {
            value = reader.GetString();
            return true;
        }

        if (reader.TokenType == JsonTokenType.Number)
        {
            value = Encoding.UTF8.GetString(reader.ValueSpan);
            return true;
        }

        return false;
    }

    /// <summary>"BUY" is true, "SELL" false (any case).</summary>
    public static bool TrySide(ref Utf8JsonReader reader, out bool isBuy)
    {
        isBuy = false;
        if (reader.TokenType != JsonTokenType.String)
        {
            return false;
        }

        var raw = reader.ValueSpan;
        if (Ascii.EqualsIgnoreCase(raw, "BUY"u8))
        {
            isBuy = true;
            return true;
        }

        return Ascii.EqualsIgnoreCase(raw, "SELL"u8);
    }
}
