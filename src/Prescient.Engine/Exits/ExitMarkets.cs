using Prescient.Domain.Ids;
using Prescient.Domain.Markets;

namespace Prescient.Engine.Exits;

/// <summary>
/// The market an exit judges a position by. The last extraction has the trading details (tick,
/// minimum order, fees, Gamma's quotes for the book guard), but a market close to its end may have
/// left it (the filters' minimum days to end); the settlement pass's lookup is of now. So: the
/// extracted market with the lookup's closed, accepting-orders and end-date flags when both exist,
/// else whichever exists.
/// </summary>
public static class ExitMarkets
{
    public static Market? Of(MarketId id, IReadOnlyDictionary<MarketId, Market> extracted, IReadOnlyDictionary<MarketId, Market> lookedUp)
    {
        ArgumentNullException.ThrowIfNull(extracted);
        ArgumentNullException.ThrowIfNull(lookedUp);
        var stored = extracted.GetValueOrDefault(id);
        var now = lookedUp.GetValueOrDefault(id);
        if (stored is null || now is null)
        {
            return stored ?? now;
        }

        return stored with { Closed = now.Closed, AcceptingOrders = now.AcceptingOrders, EndDate = now.EndDate ?? stored.EndDate };
    }
}
