using Prescient.Engine.Extraction;

namespace Prescient.Engine.Signals;

/// <summary>Orders an event's candidate markets by a <see cref="MarketSelectionRule"/>: best first, a missing value last, ties by market id.</summary>
internal static class MarketRanking
{
    public static IReadOnlyList<T> Order<T>(IEnumerable<T> candidates, Func<T, MarketRow> market, MarketSelectionRule rule) =>
        rule == MarketSelectionRule.SoonestEnd
            ? candidates.OrderBy(c => market(c).EndDate is null).ThenBy(c => market(c).EndDate).ThenBy(c => market(c).MarketId).ToArray()
            : candidates.OrderBy(c => Amount(market(c), rule) is null).ThenByDescending(c => Amount(market(c), rule)).ThenBy(c => market(c).MarketId).ToArray();

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
