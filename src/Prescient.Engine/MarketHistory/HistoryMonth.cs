using System.Globalization;

namespace Prescient.Engine.MarketHistory;

/// <summary>A calendar month in UTC, the unit the price-history cache stores per token (<c>YYYY-MM</c>).</summary>
public readonly record struct HistoryMonth : IComparable<HistoryMonth>
{
    public HistoryMonth(int year, int month)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1970);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9998);
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        Year = year;
        Month = month;
    }

    public int Year { get; }

    public int Month { get; }

    /// <summary>The first instant of the month (UTC, inclusive).</summary>
    public DateTimeOffset Start => new(Year, Month, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The first instant of the next month (exclusive end).</summary>
    public DateTimeOffset End => Start.AddMonths(1);

    public HistoryMonth Next => Month == 12 ? new(Year + 1, 1) : new(Year, Month + 1);

    /// <summary><c>yyyy·100 + mm</c>, e.g. 202601: how the binary files store the month.</summary>
    public int Number => (Year * 100) + Month;

    public static HistoryMonth Of(DateTimeOffset time)
    {
        var utc = time.ToUniversalTime();
        return new(utc.Year, utc.Month);
    }

    public static HistoryMonth Of(DateOnly day) => new(day.Year, day.Month);

    public static HistoryMonth? FromNumber(int number) =>
        number / 100 is >= 1970 and <= 9998 && number % 100 is >= 1 and <= 12 ? new(number / 100, number % 100) : null;

    /// <summary>Parses <c>YYYY-MM</c> (a cache file's name without its extension).</summary>
    public static bool TryParse(string? text, out HistoryMonth month)
    {
        month = default;
        if (text is not { Length: 7 } || text[4] != '-'
            || !int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            || FromNumber((year * 100) + m) is not { } parsed)
        {
            return false;
        }

        month = parsed;
        return true;
    }

    /// <summary>Every month from the one holding <paramref name="first"/> to the one holding <paramref name="last"/>, in order.</summary>
    public static IEnumerable<HistoryMonth> Span(HistoryMonth first, HistoryMonth last)
    {
        for (var month = first; month.CompareTo(last) <= 0; month = month.Next)
        {
            yield return month;
        }
    }

    public int CompareTo(HistoryMonth other) => Number.CompareTo(other.Number);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}");
}
