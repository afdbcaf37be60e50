using Prescient.Domain.Markets;

namespace Prescient.Engine.Filters;

/// <summary>Applies <see cref="TradingFilterOptions"/> to events; the first failing rule is the reason.</summary>
public sealed class TradingFilter(TradingFilterOptions options)
{
    public TradingFilterOptions Options { get; } = options ?? throw new ArgumentNullException(nameof(options));

    public FilterReason Evaluate(MarketEvent marketEvent, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(marketEvent);
        var o = Options;
        if (o.RequireActive && !marketEvent.Active) return FilterReason.NotActive;
        if (o.ExcludeClosed && marketEvent.Closed) return FilterReason.Closed;
        if (o.ExcludeArchived && marketEvent.Archived) return FilterReason.Archived;
        if (o.RequireOrderBook && !marketEvent.EnableOrderBook) return FilterReason.OrderBookDisabled;
        if ((marketEvent.Liquidity ?? 0m) < o.MinLiquidity) return FilterReason.LowLiquidity;
        if ((marketEvent.Volume ?? 0m) < o.MinVolume) return FilterReason.LowVolume;

        var endDate = EffectiveEndDate(marketEvent);
        if (endDate is null) return FilterReason.NoEndDate;
        var daysToEnd = (endDate.Value - now).TotalDays;
        if (daysToEnd < o.MinDaysToEnd) return FilterReason.EndsTooSoon;
        if (daysToEnd > o.MaxDaysToEnd) return FilterReason.EndsTooLate;

        if (o.RequireAcceptingOrders && !marketEvent.Markets.Any(m => m.AcceptingOrders && !m.Closed))
        {
            return FilterReason.NoMarketAcceptingOrders;
        }

        if (o.IncludeTags.Count > 0 && !marketEvent.Tags.Any(t => Matches(t, o.IncludeTags))) return FilterReason.MissingIncludedTag;
        if (o.ExcludeTags.Count > 0 && marketEvent.Tags.Any(t => Matches(t, o.ExcludeTags))) return FilterReason.ExcludedTag;
        return FilterReason.Kept;
    }

    /// <summary>
    /// The event's own end date; when Gamma leaves it out, the latest end date of its open markets.
    /// </summary>
    public static DateTimeOffset? EffectiveEndDate(MarketEvent marketEvent)
    {
        ArgumentNullException.ThrowIfNull(marketEvent);
        return marketEvent.EndDate
            ?? marketEvent.Markets.Where(m => !m.Closed && m.EndDate is not null).Max(m => m.EndDate);
    }

    private static bool Matches(Tag tag, IReadOnlyList<string> wanted) =>
        wanted.Any(w =>
            string.Equals(w, tag.Slug, StringComparison.OrdinalIgnoreCase)
            || string.Equals(w, tag.Label, StringComparison.OrdinalIgnoreCase)
            || string.Equals(w, tag.Id, StringComparison.OrdinalIgnoreCase));
}
