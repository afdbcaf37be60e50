using System.Globalization;
using Prescient.Domain.Positions;

namespace Prescient.Engine.Exits;

/// <summary>
/// The exit rules on one held position. Pure: the same position, bid, end date and now give the same
/// answer. Rules are tried in a fixed order (before end, stop loss, take profit) and the first that
/// holds fires; every boundary is inclusive: a bid exactly at the target, or an end date exactly
/// <see cref="ExitOptions.HoursBeforeEnd"/> away, fires.
/// </summary>
public static class ExitRules
{
    /// <param name="bestBid">The held token's best bid on a book that can be trusted (fresh, not refused by the book guard); null when there is none, so only the end-date rule can fire.</param>
    /// <param name="endDate">The market's end date; null when unknown, so the end-date rule cannot fire.</param>
    public static ExitTrigger? Evaluate(ExitOptions options, Position position, decimal? bestBid, DateTimeOffset? endDate, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(position);
        if (options.HoursBeforeEnd is { } hours && endDate is { } end && end - now <= Hours(hours))
        {
            return new ExitTrigger(ExitReason.BeforeEnd, $"the market ends at {Time(end)}, within {N(hours)} h of {Time(now)}");
        }

        if (bestBid is not { } bid)
        {
            return null;
        }

        var entry = position.AverageEntryPrice;
        if (options.StopLoss is { } loss && bid <= StopPrice(entry, loss))
        {
            return new ExitTrigger(ExitReason.StopLoss, $"best bid {N(bid)} ≤ entry {N(entry)} × (1 − {N(loss)}) = {N(StopPrice(entry, loss))}");
        }

        if (options.TakeProfit is { } profit && bid >= TargetPrice(entry, profit))
        {
            return new ExitTrigger(ExitReason.TakeProfit, $"best bid {N(bid)} ≥ entry {N(entry)} × (1 + {N(profit)}) = {N(TargetPrice(entry, profit))}");
        }

        return null;
    }

    /// <summary>The take-profit price: entry × (1 + fraction), exact.</summary>
    public static decimal TargetPrice(decimal entry, decimal fraction) => entry * (1m + fraction);

    /// <summary>The stop-loss price: entry × (1 − fraction), exact.</summary>
    public static decimal StopPrice(decimal entry, decimal fraction) => entry * (1m - fraction);

    /// <summary>Hours as a span, to the tick (decimal hours such as 1.5 are exact to 100 ns).</summary>
    private static TimeSpan Hours(decimal hours) => TimeSpan.FromTicks((long)Math.Round(hours * TimeSpan.TicksPerHour));

    private static string N(decimal value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    private static string Time(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
