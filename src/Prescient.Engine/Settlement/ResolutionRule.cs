using System.Globalization;
using Prescient.Domain.Ids;
using Prescient.Domain.Markets;
using Prescient.Engine.Markets;

namespace Prescient.Engine.Settlement;

/// <summary>
/// When a held market pays out, and how much per share (POLYMARKET-API 1.7). A market is settled
/// when Gamma has it closed with outcome prices that are each 0, 0.5 or 1 and sum to 1, and the
/// CLOB, when its view could be had, agrees: closed, with the same winner token flagged (or the
/// 50/50 flag for a 0.5/0.5 split). Anything short of that is pending and waits for a later run;
/// Gamma's best bid, best ask and last trade are ignored once a market is closed (they go stale).
/// </summary>
public static class ResolutionRule
{
    public static MarketResolution Resolve(MarketLookup lookup, TokenId heldToken)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        var market = lookup.Market;
        if (!market.Closed)
        {
            return MarketResolution.Open($"market {market.Id} is not closed");
        }

        var outcomes = market.Outcomes;
        var held = IndexOf(outcomes, heldToken);
        if (held < 0)
        {
            return MarketResolution.Pending($"token {heldToken} is not an outcome of market {market.Id} (its tokens: {string.Join(", ", outcomes.Select(o => o.TokenId?.Value ?? "unknown"))})");
        }

        if (outcomes.Any(o => o.Price is null))
        {
            return MarketResolution.Pending($"market {market.Id} is closed but Gamma gives no outcome prices");
        }

        var prices = outcomes.Select(o => o.Price!.Value).ToArray();
        var shown = "[" + string.Join(", ", prices.Select(N)) + "]";
        if (prices.All(p => p == 0m))
        {
            return MarketResolution.Pending($"market {market.Id} is closed with legacy outcome prices {shown}, which settle nothing");
        }

        if (prices.Any(p => p is not (0m or 0.5m or 1m)) || prices.Sum() != 1m)
        {
            return MarketResolution.Pending($"market {market.Id} is closed but its outcome prices {shown} are not a settlement (each 0, 0.5 or 1, summing to 1)");
        }

        var payout = prices[held];
        var fiftyFifty = prices.All(p => p == 0.5m);
        var winner = fiftyFifty ? null : outcomes[Array.IndexOf(prices, 1m)];
        var gamma = fiftyFifty ? $"Gamma resolved 50/50 {shown}" : $"Gamma resolved {shown}: {winner!.Name} won";
        if (lookup.Clob is not { } clob)
        {
            return MarketResolution.Resolved(payout, $"{gamma}; confirmed by Gamma only (no CLOB view); pays {N(payout)} per share");
        }

        if (clob.ConditionId != market.ConditionId)
        {
            throw new ArgumentException($"The CLOB view of condition {clob.ConditionId} is not of market {market.Id}'s condition {market.ConditionId}.", nameof(lookup));
        }

        var winners = clob.Winners.Count == 0 ? "no winner" : "winner " + string.Join(", ", clob.Winners);
        if (!clob.Closed)
        {
            return MarketResolution.Pending($"{gamma}, but the CLOB market is not closed yet");
        }

        var agrees = fiftyFifty
            ? clob.Is5050
            : !clob.Is5050 && clob.Winners.Count == 1 && clob.Winners[0] == winner!.TokenId;
        if (agrees)
        {
            return MarketResolution.Resolved(payout, $"{gamma}; confirmed by Gamma and the CLOB ({(fiftyFifty ? "50/50 outcome" : winners)}); pays {N(payout)} per share");
        }

        return clob.Winners.Count == 0 && !clob.Is5050
            ? MarketResolution.Pending($"{gamma}, but the closed CLOB market has no winner yet")
            : MarketResolution.Pending($"{gamma}, but the CLOB disagrees ({(clob.Is5050 ? "50/50 outcome, " : string.Empty)}{winners})");
    }

    private static int IndexOf(IReadOnlyList<Outcome> outcomes, TokenId token)
    {
        for (var i = 0; i < outcomes.Count; i++)
        {
            if (outcomes[i].TokenId == token)
            {
                return i;
            }
        }

        return -1;
    }

    private static string N(decimal value) => value.ToString("0.######", CultureInfo.InvariantCulture);
}
