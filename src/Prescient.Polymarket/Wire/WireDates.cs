using System.Globalization;
using System.Text.RegularExpressions;

namespace Prescient.Polymarket.Wire;

/// <summary>
/// Parses the date formats Polymarket actually sends, all to UTC: ISO with "Z" and 0–9 fraction
/// digits (<c>2024-12-31T18:51:45.506005Z</c>), date only (<c>2026-02-27</c>, taken as midnight
/// UTC), Postgres style with a space and a short offset (<c>2026-03-19 23:20:15+00</c>,
/// <c>2023-11-02 21:22:21.615+00</c>), and offsets with seconds (<c>…+00:00:00</c>). A value
/// without an offset is UTC, which is what Gamma means. Anything else is not a date (null).
/// </summary>
internal static partial class WireDates
{
    public static DateTimeOffset? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.AsSpan().Trim();
        return TryParseCommon(trimmed, out var common) ? common : ParseWithPattern(trimmed.ToString());
    }

    /// <summary>Any of the formats, through the full pattern (the reference the shortcut must agree with).</summary>
    internal static DateTimeOffset? ParseWithPattern(string text)
    {
        var match = DatePattern().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var offset = ParseOffset(match.Groups["zone"].Value);
        if (offset is null)
        {
            return null;
        }

        try
        {
            var value = new DateTimeOffset(
                Int(match, "y"),
                Int(match, "mo"),
                Int(match, "d"),
                Int(match, "h"),
                Int(match, "mi"),
                Int(match, "s"),
                offset.Value);
            return value.AddTicks(FractionTicks(match.Groups["f"].Value)).ToUniversalTime();
        }
        catch (ArgumentOutOfRangeException)
        {
            // Fields that match the pattern but name no real instant, e.g. 2026-02-30.
            return null;
        }
    }

    /// <summary>A CLOB timestamp: epoch milliseconds as digits (string or number), or any date above.</summary>
    public static DateTimeOffset? ParseEpochMillisecondsOrDate(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim();
        if (long.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds))
        {
            return milliseconds <= DateTimeOffset.MaxValue.ToUnixTimeMilliseconds()
                ? DateTimeOffset.FromUnixTimeMilliseconds(milliseconds)
                : null;
        }

        return Parse(trimmed);
    }

    /// <summary>
    /// The two shapes nearly every Gamma date has, <c>2026-02-27</c> and <c>2026-02-27T23:33:23[.f…]Z</c>,
    /// read without the pattern (dates come by the tens of thousands a refresh). False for any
    /// other shape, which the pattern reads; a value of a handled shape that names no real instant is null.
    /// </summary>
    private static bool TryParseCommon(ReadOnlySpan<char> text, out DateTimeOffset? value)
    {
        value = null;
        int hour = 0, minute = 0, second = 0;
        long ticks = 0;
        if (text.Length < 10 || text[4] != '-' || text[7] != '-'
            || !Digits(text[..4], out var year) || !Digits(text.Slice(5, 2), out var month) || !Digits(text.Slice(8, 2), out var day))
        {
            return false;
        }

        if (text.Length > 10)
        {
            if (text.Length < 20 || text[10] != 'T' || text[13] != ':' || text[16] != ':' || text[^1] != 'Z'
                || !Digits(text.Slice(11, 2), out hour) || !Digits(text.Slice(14, 2), out minute) || !Digits(text.Slice(17, 2), out second))
            {
                return false;
            }

            var fraction = text[19..^1];
            if (fraction.Length > 0)
            {
                // Digits past the 7th are below a tick and dropped, as in FractionTicks.
                if (fraction.Length is < 2 or > 10 || fraction[0] != '.' || !Digits(fraction[1..], out _))
                {
                    return false;
                }

                var digits = fraction[1..Math.Min(8, fraction.Length)];
                Digits(digits, out var leading);
                ticks = leading;
                for (var i = digits.Length; i < 7; i++)
                {
                    ticks *= 10;
                }
            }
        }

        try
        {
            value = new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.Zero).AddTicks(ticks);
        }
        catch (ArgumentOutOfRangeException)
        {
            // Fields of the right shape that name no real instant, e.g. 2026-02-30.
        }

        return true;
    }

    /// <summary>The value of ASCII digits (at most nine); false if any character is not one.</summary>
    private static bool Digits(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }

    private static int Int(Match match, string group) =>
        match.Groups[group].Success && match.Groups[group].Length > 0
            ? int.Parse(match.Groups[group].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture)
            : 0;

    /// <summary>Fraction digits to ticks (100 ns): digits past the 7th are below a tick and dropped.</summary>
    private static long FractionTicks(string digits)
    {
        if (digits.Length == 0)
        {
            return 0;
        }

        var seven = digits.Length >= 7 ? digits[..7] : digits.PadRight(7, '0');
        return long.Parse(seven, NumberStyles.None, CultureInfo.InvariantCulture);
    }

    private static TimeSpan? ParseOffset(string zone)
    {
        if (zone.Length == 0 || zone is "Z" or "z")
        {
            return TimeSpan.Zero;
        }

        var digits = zone[1..].Replace(":", string.Empty, StringComparison.Ordinal);
        var hours = int.Parse(digits.AsSpan(0, 2), NumberStyles.None, CultureInfo.InvariantCulture);
        var minutes = digits.Length >= 4 ? int.Parse(digits.AsSpan(2, 2), NumberStyles.None, CultureInfo.InvariantCulture) : 0;
        var seconds = digits.Length >= 6 ? int.Parse(digits.AsSpan(4, 2), NumberStyles.None, CultureInfo.InvariantCulture) : 0;
        if (digits.Length is not (2 or 4 or 6) || hours > 14 || minutes > 59 || seconds != 0)
        {
            // DateTimeOffset offsets are whole minutes; "+00:00:00" is the only seconds form seen.
            return null;
        }

        var offset = new TimeSpan(hours, minutes, 0);
        return zone[0] == '-' ? offset.Negate() : offset;
    }

    [GeneratedRegex(
        @"^(?<y>[0-9]{4})-(?<mo>[0-9]{2})-(?<d>[0-9]{2})(?:[T ](?<h>[0-9]{2}):(?<mi>[0-9]{2})(?::(?<s>[0-9]{2})(?:\.(?<f>[0-9]{1,9}))?)?)?\s*(?<zone>[Zz]|[+-][0-9]{2}(?::?[0-9]{2}){0,2})?$",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex DatePattern();
}
