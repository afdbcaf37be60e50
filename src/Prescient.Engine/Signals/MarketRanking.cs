using Prescient.Engine.Extraction;

namespace Prescient.Engine.Signals;

/// <summary>Orders an event's candidate markets by a <see cref="MarketSelectionRule"/>: best first, a missing value last, ties by market id.</summary>
internal static class MarketRanking
{
    public static IReadOnlyList<T> Order<T>(IEnumerable<T> candidates, Func<T, MarketRow> market, MarketSelectionRule rule) =>
        candidates.OrderBy(market, Comparer<MarketRow>.Create((a, b) => Compare(a, b, rule))).ToArray();

    /// <summary>The order of <see cref="Order"/>: below zero when <paramref name="a"/> ranks first; zero only for the same market id.</summary>
    public static int Compare(MarketRow a, MarketRow b, MarketSelectionRule rule)
    {
        int order;
        if (rule == MarketSelectionRule.SoonestEnd)
        {
            order = (a.EndDate is null).CompareTo(b.EndDate is null);
            order = order != 0 ? order : Nullable.Compare(a.EndDate, b.EndDate);
        }
        else
        {
            var (x, y) = (Amount(a, rule), Amount(b, rule));
            order = (x is null).CompareTo(y is null);
            order = order != 0 ? order : Nullable.Compare(y, x);
        }

        return order != 0 ? order : a.MarketId.CompareTo(b.MarketId);
    }

    /// <summary>The value the rule ranks by, in words: "liquidity 5000 USDC", "ends 2026-12-01T00:00:00Z".</summary>
    public static string Describe(MarketRow market, MarketSelectionRule rule)
    {
        ArgumentNullException.ThrowIfNull(market);
        if (rule == MarketSelectionRule.SoonestEnd)
        {
            return market.EndDate is { } end ? "ends " + StrategyText.Time(end) : "no end date";
        }

        var name = rule switch
        {
            MarketSelectionRule.HighestVolume => "volume",
            MarketSelectionRule.HighestVolume24h => "24h volume",
            _ => "liquidity",
        };
        return Amount(market, rule) is { } amount ? $"{name} {StrategyText.Usdc(amount)} USDC" : "no " + name;
    }

    private static decimal? Amount(MarketRow market, MarketSelectionRule rule) => rule switch
    {
        MarketSelectionRule.HighestVolume => market.Volume,
        MarketSelectionRule.HighestVolume24h => market.Volume24h,
        _ => market.Liquidity,
    };
}
