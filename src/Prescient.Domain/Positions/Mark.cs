namespace Prescient.Domain.Positions;

/// <summary>The price a position is valued at (USDC per share, [0, 1]), where it came from, and how old the price is.</summary>
public readonly record struct Mark(decimal Price, MarkSource Source, DateTimeOffset? At)
{
    /// <summary>Why the book was not trusted for this mark (a refusal code such as <c>crossed_book</c>); null when nothing is wrong.</summary>
    public string? Flag { get; init; }

    /// <summary>
    /// The last-trade price the CLOB reports for a book that has never traded. It cannot be told from a
    /// real trade at 0.5, so it is never taken as a mark.
    /// </summary>
    public const decimal NoTradeLastPrice = 0.5m;

    /// <summary>
    /// The best bid (what the held token could be sold for now); else the last trade, unless it is the
    /// CLOB's no-trade 0.5; null when there is neither. There is no mid step: a mid needs a bid, and
    /// with a bid the best bid is the mark.
    /// </summary>
    public static Mark? Choose(decimal? bestBid, decimal? lastTrade, DateTimeOffset? at) =>
        bestBid is { } bid ? new Mark(bid, MarkSource.BestBid, at)
        : lastTrade is { } last && last != NoTradeLastPrice ? new Mark(last, MarkSource.LastTrade, at)
        : null;
}
