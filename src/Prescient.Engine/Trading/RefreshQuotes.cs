using Prescient.Domain.Ids;
using Prescient.Domain.Markets;
using Prescient.Engine.Extraction;
using Prescient.Engine.Storage;

namespace Prescient.Engine.Trading;

/// <summary>
/// The extracted markets a run checks books against, by id, mapped once to the domain <see cref="Market"/> (<see cref="MarketRow.ToMarket"/>). Gamma's <c>bestBid</c>/<c>bestAsk</c>
/// are a snapshot of the refresh: compared with a book fetched much later (an end of day hours after
/// the morning cycle), a market that simply moved would look like a ghost. So the quotes are kept
/// only while the refresh is no older than <see cref="TradingOptions.MaxSignalAge"/> (the span
/// <see cref="TradingOptions.MaxQuoteGap"/> is chosen for); after that the markets lose them and
/// <see cref="BookGuard"/> skips its quote check (its other checks still apply).
/// </summary>
public static class RefreshQuotes
{
    public static Dictionary<MarketId, Market> ByMarket(MarketsSnapshot? markets, DateTimeOffset now, TimeSpan maxAge)
    {
        if (markets is null)
        {
            return [];
        }

        var fresh = now - markets.GeneratedAt <= maxAge;
        var byId = new Dictionary<MarketId, Market>(markets.Markets.Count);
        foreach (var row in markets.Markets)
        {
            if (!byId.ContainsKey(row.MarketId))
            {
                var market = row.ToMarket();
                byId.Add(row.MarketId, fresh ? market : market with { BestBid = null, BestAsk = null });
            }
        }

        return byId;
    }
}
