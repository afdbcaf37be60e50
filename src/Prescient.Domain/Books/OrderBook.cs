using Prescient.Domain.Ids;

namespace Prescient.Domain.Books;

/// <summary>
/// An order book for one outcome token, with both sides sorted best first: bids by descending
/// price, asks by ascending price. The CLOB sends bids ascending and asks descending (best last),
/// and that order is not guaranteed either, so <see cref="Create"/> always sorts.
/// </summary>
public sealed record OrderBook
{
    private OrderBook(
        TokenId tokenId,
        ConditionId? conditionId,
        IReadOnlyList<BookLevel> bids,
        IReadOnlyList<BookLevel> asks)
    {
        TokenId = tokenId;
        ConditionId = conditionId;
        Bids = bids;
        Asks = asks;
    }

    public TokenId TokenId { get; }

    public ConditionId? ConditionId { get; }

    /// <summary>Bids, highest price first.</summary>
    public IReadOnlyList<BookLevel> Bids { get; }

    /// <summary>Asks, lowest price first.</summary>
    public IReadOnlyList<BookLevel> Asks { get; }

    /// <summary>Minimum price increment (USDC), when the book carries it.</summary>
    public decimal? TickSize { get; init; }

    /// <summary>Minimum order size (shares), when the book carries it.</summary>
    public decimal? MinOrderSize { get; init; }

    /// <summary>When the CLOB produced this book (UTC).</summary>
    public DateTimeOffset? Timestamp { get; init; }

    public decimal? LastTradePrice { get; init; }

    public bool? NegRisk { get; init; }

    public string? Hash { get; init; }

    public decimal? BestBid => Bids.Count > 0 ? Bids[0].Price : null;

    public decimal? BestAsk => Asks.Count > 0 ? Asks[0].Price : null;

    /// <summary>(best bid + best ask) / 2, or null when either side is empty.</summary>
    public decimal? Mid => BestBid is { } bid && BestAsk is { } ask ? (bid + ask) / 2m : null;

    /// <summary>best ask − best bid, or null when either side is empty.</summary>
    public decimal? Spread => BestBid is { } bid && BestAsk is { } ask ? ask - bid : null;

    public static OrderBook Create(
        TokenId tokenId,
        ConditionId? conditionId,
        IEnumerable<BookLevel> bids,
        IEnumerable<BookLevel> asks)
    {
        ArgumentNullException.ThrowIfNull(bids);
        ArgumentNullException.ThrowIfNull(asks);
        return new OrderBook(tokenId, conditionId, Sorted(bids, descending: true), Sorted(asks, descending: false));
    }

    /// <summary>
    /// The levels by price, equal prices in their given order. A side holds a few dozen levels and
    /// usually arrives sorted one way (the CLOB sends best last) or the other: each costs one pass;
    /// anything else gets an insertion sort.
    /// </summary>
    private static BookLevel[] Sorted(IEnumerable<BookLevel> levels, bool descending)
    {
        var sorted = levels.ToArray();
        var sign = descending ? -1 : 1;
        if (InOrder(sorted, sign, strict: false))
        {
            return sorted;
        }

        if (InOrder(sorted, -sign, strict: true))
        {
            // No equal prices, so reversing cannot reorder equals.
            System.Array.Reverse(sorted);
            return sorted;
        }

        for (var i = 1; i < sorted.Length; i++)
        {
            var level = sorted[i];
            var j = i - 1;
            while (j >= 0 && sign * sorted[j].Price.CompareTo(level.Price) > 0)
            {
                sorted[j + 1] = sorted[j];
                j--;
            }

            sorted[j + 1] = level;
        }

        return sorted;
    }

    /// <summary>True when each price is after the one before in the <paramref name="sign"/> direction (or equal, unless <paramref name="strict"/>).</summary>
    private static bool InOrder(BookLevel[] levels, int sign, bool strict)
    {
        for (var i = 1; i < levels.Length; i++)
        {
            var order = sign * levels[i - 1].Price.CompareTo(levels[i].Price);
            if (order > 0 || (strict && order == 0))
            {
                return false;
            }
        }

        return true;
    }
}
