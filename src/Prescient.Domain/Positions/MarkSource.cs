namespace Prescient.Domain.Positions;

/// <summary>Where a position's mark came from. Anything but <see cref="BestBid"/> is a fallback and is shown as such.</summary>
public enum MarkSource
{
    /// <summary>The best bid of the held token: what could be sold now.</summary>
    BestBid,

    /// <summary>No bid: the mid of the book.</summary>
    Mid,

    /// <summary>No two-sided book: the last trade price.</summary>
    LastTrade,

    /// <summary>No price at all: the average entry price, so its unrealized P&amp;L is about minus its fees.</summary>
    Entry,
}
