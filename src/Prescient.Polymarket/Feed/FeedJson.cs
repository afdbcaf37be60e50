using System.Buffers.Text;
using System.Runtime.CompilerServices;
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

    private static bool TryPlainDecimal(ReadOnlySpan<byte> raw, out decimal value) =>
        PlainDecimalPrefix(raw, out value) == raw.Length && !raw.IsEmpty;

    /// <summary>
    /// The plain decimal <paramref name="raw"/> starts with ("123", "0.015", ".48": digits with an
    /// optional point, the scale kept as written, up to 18 digits so the mantissa fits a ulong
    /// exactly) and how many bytes it takes; 0 when it starts with none or with more than 18 digits.
    /// </summary>
    public static int PlainDecimalPrefix(ReadOnlySpan<byte> raw, out decimal value)
    {
        value = 0m;
        ulong mantissa = 0;
        var whole = Digits(raw, 0, ref mantissa);
        var used = whole;
        if (used < raw.Length && raw[used] == '.')
        {
            used = Digits(raw, whole + 1, ref mantissa);
        }

        var scale = used > whole ? used - whole - 1 : 0;
        if (whole + scale == 0 || whole + scale > 18)
        {
            return 0;
        }

        value = new decimal((int)(uint)mantissa, (int)(uint)(mantissa >> 32), 0, isNegative: false, (byte)scale);
        return used;
    }

    /// <summary>Appends the digits from <paramref name="start"/> to the mantissa (it wraps past 19 digits: the caller rejects more than 18); returns where they end.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Digits(ReadOnlySpan<byte> raw, int start, ref ulong mantissa)
    {
        var at = start;
        while (at < raw.Length && (uint)(raw[at] - '0') <= 9)
        {
            mantissa = (mantissa * 10) + (uint)(raw[at] - '0');
            at++;
        }

        return at;
    }

    /// <summary>
    /// A best bid or ask: a price, or an empty side as JSON null, <c>""</c>, <c>"0"</c> or <c>"1"</c> (no
    /// recorded frame shows an empty side; these are the plausible spellings, the last the one the
    /// CLOB's REST midpoint uses for a missing ask, and no real quote is 0 or 1: prices lie strictly between).
    /// </summary>
    public static bool TryTopPrice(ref Utf8JsonReader reader, out decimal? value)
    {
        value = null;
        return reader.TokenType == JsonTokenType.Null || TryRaw(ref reader, out var raw) && TryTopPrice(raw, out value);
    }

    /// <summary>A best bid or ask from its raw text; <c>""</c> is an empty side (see the reader overload).</summary>
    public static bool TryTopPrice(ReadOnlySpan<byte> raw, out decimal? value)
    {
        value = null;
        return raw.IsEmpty || TryDecimal(raw, out var price) && TryTopPrice(price, out value);
    }

    /// <summary>A best bid or ask already read as a number: outside [0, 1] is false, 0 and 1 are an empty side.</summary>
    public static bool TryTopPrice(decimal price, out decimal? value)
    {
        value = null;
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
        return reader.TokenType == JsonTokenType.Null || TryRaw(ref reader, out var raw) && TryTimestamp(raw, out value);
    }

    /// <summary>Epoch milliseconds from their raw text.</summary>
    public static bool TryTimestamp(ReadOnlySpan<byte> raw, out DateTimeOffset? value)
    {
        value = null;
        if (!Utf8Parser.TryParse(raw, out long ms, out var used) || used != raw.Length
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

    /// <summary>"BUY" is true, "SELL" false (any case), read from the string's raw bytes.</summary>
    public static bool TrySide(ref Utf8JsonReader reader, out bool isBuy)
    {
        isBuy = false;
        return reader.TokenType == JsonTokenType.String && TrySide(reader.ValueSpan, out isBuy);
    }

    /// <summary>"BUY" is true, "SELL" false (any case).</summary>
    public static bool TrySide(ReadOnlySpan<byte> raw, out bool isBuy)
    {
        isBuy = Ascii.EqualsIgnoreCase(raw, "BUY"u8);
        return isBuy || Ascii.EqualsIgnoreCase(raw, "SELL"u8);
    }
}
