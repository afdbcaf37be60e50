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

        var match = DatePattern().Match(text.Trim());
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
