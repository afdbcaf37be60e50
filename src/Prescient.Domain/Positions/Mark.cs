namespace Prescient.Domain.Positions;

/// <summary>The price a position is valued at (USDC per share, [0, 1]), where it came from, and how old the price is.</summary>
public readonly record struct Mark(decimal Price, MarkSource Source, DateTimeOffset? At)
{
    /// <summary>The best bid; else the mid; else the last trade; null when there is none of them.</summary>
    public static Mark? Choose(decimal? bestBid, decimal? mid, decimal? lastTrade, DateTimeOffset? at) =>
        bestBid is { } bid ? new Mark(bid, MarkSource.BestBid, at)
        : mid is { } m ? new Mark(m, MarkSource.Mid, at)
        : lastTrade is { } last ? new Mark(last, MarkSource.LastTrade, at)
        : null;
}
