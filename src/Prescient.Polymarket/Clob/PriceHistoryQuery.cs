using System.Globalization;

namespace Prescient.Polymarket.Clob;

/// <summary>
/// What <c>/prices-history</c> should return: an <see cref="Interval"/> ending now, or a
/// <see cref="Start"/>–<see cref="End"/> range (UTC, sent as unix seconds), never both.
/// <see cref="FidelityMinutes"/> is the spacing in minutes; resolved markets return nothing below
/// 720, and some intervals need a minimum (1m ≥ 10, 1w ≥ 5).
/// </summary>
public sealed record PriceHistoryQuery
{
    public PriceHistoryInterval? Interval { get; init; }

    public DateTimeOffset? Start { get; init; }

    public DateTimeOffset? End { get; init; }

    public int? FidelityMinutes { get; init; }

    public static PriceHistoryQuery ForInterval(PriceHistoryInterval interval, int? fidelityMinutes = null) =>
        new() { Interval = interval, FidelityMinutes = fidelityMinutes };

    public static PriceHistoryQuery ForRange(DateTimeOffset start, DateTimeOffset end, int? fidelityMinutes = null) =>
        new() { Start = start, End = end, FidelityMinutes = fidelityMinutes };

    /// <summary>The query string after <c>market=</c>; throws when the query is contradictory.</summary>
    internal string ToQueryString()
    {
        if (Interval is not null == (Start is not null || End is not null))
        {
            throw new ArgumentException("A price history query needs either an interval or a start and end, not both.");
        }

        if (Interval is null && (Start is null || End is null || Start > End))
        {
            throw new ArgumentException("A price history range needs a start no later than its end.");
        }

        if (FidelityMinutes is <= 0)
        {
            throw new ArgumentException("Price history fidelity must be at least 1 minute.");
        }

        var query = Interval is { } interval
            ? "&interval=" + IntervalText(interval)
            : string.Create(
                CultureInfo.InvariantCulture,
                $"&startTs={Start!.Value.ToUnixTimeSeconds()}&endTs={End!.Value.ToUnixTimeSeconds()}");
        return FidelityMinutes is { } fidelity
            ? query + string.Create(CultureInfo.InvariantCulture, $"&fidelity={fidelity}")
            : query;
    }

    private static string IntervalText(PriceHistoryInterval interval) => interval switch
    {
        PriceHistoryInterval.OneHour => "1h",
        PriceHistoryInterval.SixHours => "6h",
        PriceHistoryInterval.OneDay => "1d",
        PriceHistoryInterval.OneWeek => "1w",
        PriceHistoryInterval.OneMonth => "1m",
        PriceHistoryInterval.Max => "max",
        _ => throw new ArgumentOutOfRangeException(nameof(interval), interval, "Unknown price history interval."),
    };
}
