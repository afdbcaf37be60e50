namespace Prescient.Domain.Positions;

/// <summary>
/// Where a position's mark came from, in the order they are tried. Anything but
/// <see cref="BestBid"/> is a fallback and is shown as such.
/// </summary>
public enum MarkSource
{
    /// <summary>The best bid of the held token: what could be sold now.</summary>
    BestBid,

    /// <summary>No bid: the book's last trade price (never the 0.5 the CLOB reports for a book without trades).</summary>
    LastTrade,

    /// <summary>The book was refused (a ghost or inconsistent book, see the mark's flag): Gamma's displayed outcome price of the last refresh.</summary>
    GammaPrice,

    /// <summary>The market is closed but cannot be settled yet: Gamma's outcome price for the held token.</summary>
    ResolutionPending,

    /// <summary>No price at all: the average entry price, so its unrealized P&amp;L is about minus its fees.</summary>
    Entry,
}
