using Prescient.Sample.Universe;
using Prescient.Sample.Wire;

namespace Prescient.Sample.Server;

/// <summary>
/// The level changes that turn one book of a token into the next, in an order that never crosses
/// the book while they are applied one by one: first the old levels that would cross the new top,
/// then every new or resized level, then the other old levels. Each entry carries the best bid and
/// ask of the book as it stands once that entry is applied.
/// </summary>
internal static class BookDiff
{
    public static List<PriceChangeEntry> Between(string tokenId, SimBook? before, SimBook? after, string hash)
    {
        var bids = Levels(before?.Bids);
        var asks = Levels(before?.Asks);
        var newBids = Levels(after?.Bids);
        var newAsks = Levels(after?.Asks);
        var newBestBid = newBids.Count > 0 ? newBids.Keys.Max() : (decimal?)null;
        var newBestAsk = newAsks.Count > 0 ? newAsks.Keys.Min() : (decimal?)null;
        var entries = new List<PriceChangeEntry>();

        void Apply(Dictionary<decimal, decimal> side, bool buy, decimal price, decimal size)
        {
            if (size == 0)
            {
                side.Remove(price);
            }
            else
            {
                side[price] = size;
            }

            entries.Add(new PriceChangeEntry(tokenId, price, size, buy, hash, bids.Count > 0 ? bids.Keys.Max() : null, asks.Count > 0 ? asks.Keys.Min() : null));
        }

        foreach (var price in bids.Keys.Where(p => !newBids.ContainsKey(p) && p >= newBestAsk).OrderDescending().ToList())
        {
            Apply(bids, true, price, 0);
        }

        foreach (var price in asks.Keys.Where(p => !newAsks.ContainsKey(p) && p <= newBestBid).Order().ToList())
        {
            Apply(asks, false, price, 0);
        }

        foreach (var (price, size) in newBids.OrderByDescending(l => l.Key))
        {
            if (!bids.TryGetValue(price, out var old) || old != size)
            {
                Apply(bids, true, price, size);
            }
        }

        foreach (var (price, size) in newAsks.OrderBy(l => l.Key))
        {
            if (!asks.TryGetValue(price, out var old) || old != size)
            {
                Apply(asks, false, price, size);
            }
        }

        foreach (var price in bids.Keys.Where(p => !newBids.ContainsKey(p)).OrderDescending().ToList())
        {
            Apply(bids, true, price, 0);
        }

        foreach (var price in asks.Keys.Where(p => !newAsks.ContainsKey(p)).Order().ToList())
        {
            Apply(asks, false, price, 0);
        }

        return entries;
    }

    private static Dictionary<decimal, decimal> Levels(SimLevel[]? side)
    {
        var result = new Dictionary<decimal, decimal>();
        foreach (var level in side ?? [])
        {
            result[level.Price] = level.Size;
        }

        return result;
    }
}
