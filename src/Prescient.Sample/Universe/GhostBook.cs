namespace Prescient.Sample.Universe;

/// <summary>
/// The ghost books of the <c>GhostBooks</c> scenario (py-clob-client#180): one market in ten, chosen
/// by a hash of the seed and its id, has one token (YES or NO, by the same hash) whose CLOB book is
/// a stale 0.01/0.99 book, one level a side, in about half of the simulated hours (by id and hour).
/// Gamma's <c>bestBid</c>/<c>bestAsk</c> and the other token's book keep showing the real market, and
/// the reply carries the current timestamp as the CLOB's does, so the book's age gives nothing away.
/// Coming and going by the hour lets a signal made from an honest book meet the ghost at execution,
/// and a held position meet it when marked.
/// </summary>
internal static class GhostBook
{
    /// <summary>Shares on each ghost level: a round, never-touched size.</summary>
    public const decimal Size = 50_000m;

    private const ulong MarketSalt = 0x6057;
    private const ulong HourSalt = 0x6058;

    /// <summary>Whether the token <paramref name="outcome"/> (0 YES, 1 NO) of market <paramref name="marketId"/> answers a ghost book at <paramref name="ticks"/>.</summary>
    public static bool Affects(int seed, long marketId, int outcome, long ticks)
    {
        var pick = SampleRandom.Hash((ulong)(uint)seed, MarketSalt, (ulong)marketId);
        if (pick % 10 != 0 || (int)((pick / 10) % 2) != outcome)
        {
            return false;
        }

        var hour = ticks / TimeSpan.TicksPerHour;
        return SampleRandom.Hash((ulong)(uint)seed, HourSalt, (ulong)marketId, (ulong)hour) % 2 == 0;
    }

    /// <summary>The ghost book of <paramref name="tokenId"/>: bids at 0.01, asks at 0.99, a last trade of 0.5.</summary>
    public static SimBook For(string tokenId) => new(tokenId, [new SimLevel(0.01m, Size)], [new SimLevel(0.99m, Size)], 0.5m);
}
