namespace Prescient.Sample.Universe;

/// <summary>One simulated book level: price in [0, 1] USDC per share, size in shares (2 decimals).</summary>
internal readonly record struct SimLevel(decimal Price, decimal Size);

/// <summary>
/// A token's simulated book, best level first on each side. The YES book sits around the current
/// price; the NO book mirrors it (NO bid = 1 − YES ask, NO ask = 1 − YES bid, same sizes).
/// </summary>
internal sealed record SimBook(string TokenId, SimLevel[] Bids, SimLevel[] Asks, decimal LastTradePrice);

internal static class BookModel
{
    /// <summary>
    /// The book of one token, or null when the CLOB has none (closed market, disabled or missing book).
    /// With <paramref name="thinBestLevels"/> the best level of each side holds 1 to 5 shares (the
    /// <c>ThinBestLevels</c> scenario); prices and the deeper levels are unchanged.
    /// </summary>
    public static SimBook? For(int seed, MarketBlueprint m, MarketState state, int outcome, long ticks, bool thinBestLevels = false)
    {
        if (!state.HasBook)
        {
            return null;
        }

        var hour = ticks / TimeSpan.TicksPerHour;
        var bids = m.Sides == BookSides.NoBids ? [] : Side(seed, m, state.BestBid, -1, m.BidLevels, hour, state, thinBestLevels);
        var asks = m.Sides == BookSides.NoAsks ? [] : Side(seed, m, state.BestAsk, +1, m.AskLevels, hour, state, thinBestLevels);
        if (outcome == 0)
        {
            return new SimBook(m.YesTokenId, bids, asks, state.LastTradePrice);
        }

        return new SimBook(m.NoTokenId, Mirror(asks), Mirror(bids), 1 - state.LastTradePrice);
    }

    private static SimLevel[] Side(int seed, MarketBlueprint m, decimal best, int direction, int levels, long hour, MarketState state, bool thinBest)
    {
        var r = new SampleRandom(seed, SampleRandom.Stream.Book, m.Id, (hour * 2) + (direction > 0 ? 1 : 0));
        var tick = m.TickSize;
        var result = new List<SimLevel>(levels);
        var price = best;

        // Shares per level such that the whole book holds roughly the market's liquidity in USDC.
        var typical = (double)state.Liquidity / Math.Max(1, m.BidLevels + m.AskLevels) / 0.5;
        for (var i = 0; i < levels && price >= tick && price <= 1 - tick; i++)
        {
            var size = Math.Round((decimal)Math.Max(1, typical * r.Between(0.2, 1.8) * (1 + (0.25 * i))), r.Chance(0.5) ? 0 : 2);
            // The thin size comes from its own hash, so the deeper levels are the same with the scenario on or off.
            var shares = thinBest && i == 0 ? ThinSize(seed, m.Id, hour, direction) : MarketModel.Normalize(Math.Max(1m, size));
            result.Add(new SimLevel(price, shares));
            // The first levels are one tick apart so that a best price 3 ticks from the bound still has 3 levels.
            var step = r.Next(1, 3);
            price += direction * tick * (i < 2 ? 1 : step);
        }

        return [.. result];
    }

    /// <summary>1 to 5 whole shares, by market, hour and side.</summary>
    private static decimal ThinSize(int seed, long marketId, long hour, int direction) =>
        1 + (int)(SampleRandom.Hash((ulong)(uint)seed, 0x7419, (ulong)marketId, (ulong)hour, direction > 0 ? 1UL : 0UL) % 5);

    private static SimLevel[] Mirror(SimLevel[] side) => [.. side.Select(l => new SimLevel(1 - l.Price, l.Size))];
}
