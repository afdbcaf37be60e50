using Prescient.Domain.Ids;
using Prescient.Domain.Positions;

namespace Prescient.Engine.Exits;

/// <summary>
/// The id of an exit decision, kept on its sell record as the signal id: "20261125-516926-sell_take_profit",
/// the trading day, the market and the rule. As for buys (<see cref="SignalId.For"/>), the same market
/// and day give the same ids, and a market sells at most once a day whichever rule fired: a re-run of
/// the day finds the id in the ledger (<see cref="Portfolio.HasExecuted"/>) and never sells again.
/// </summary>
public static class ExitIds
{
    public static SignalId For(DateOnly day, MarketId market, ExitReason reason) => SignalId.For(day, market, Code(reason));

    /// <summary>True when an exit of <paramref name="market"/> on <paramref name="day"/> is already in the ledger, by any rule.</summary>
    public static bool AnyExecuted(Portfolio portfolio, DateOnly day, MarketId market)
    {
        ArgumentNullException.ThrowIfNull(portfolio);
        return Enum.GetValues<ExitReason>().Any(r => portfolio.HasExecuted(For(day, market, r)));
    }

    /// <summary>The rule that made a sell with signal id <paramref name="id"/> (its code is the id's tail), or null for another id.</summary>
    public static ExitReason? ReasonOf(SignalId? id)
    {
        if (id is not { } value)
        {
            return null;
        }

        foreach (var reason in Enum.GetValues<ExitReason>())
        {
            if (value.Value.EndsWith("-" + Code(reason), StringComparison.Ordinal))
            {
                return reason;
            }
        }

        return null;
    }

    public static string Code(ExitReason reason) => reason switch
    {
        ExitReason.BeforeEnd => "sell_before_end",
        ExitReason.StopLoss => "sell_stop_loss",
        _ => "sell_take_profit",
    };
}
