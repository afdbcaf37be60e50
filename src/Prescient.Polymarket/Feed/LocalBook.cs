using Prescient.Domain.Books;
using Prescient.Domain.Ids;

namespace Prescient.Polymarket.Feed;

/// <summary>
/// The L2 book of one token kept from the market channel: a <c>book</c> snapshot replaces it, a
/// <c>price_change</c> sets one level's new total size (0 removes the level). Not thread-safe: one
/// shard's receive loop owns it.
/// </summary>
public sealed class LocalBook : IBookView
{
    public LocalBook(TokenId tokenId) => TokenId = tokenId;

    public TokenId TokenId { get; }

    public ConditionId? Market { get; private set; }

    public BookSide Bids { get; } = new(isBid: true);

    public BookSide Asks { get; } = new(isBid: false);

    public decimal? BestBid => Bids.Best?.Price;

    public decimal? BestAsk => Asks.Best?.Price;

    public decimal? TickSize { get; internal set; }

    public decimal? LastTradePrice { get; internal set; }

    public DateTimeOffset? Timestamp { get; private set; }

    public BookHash? Hash { get; private set; }

    public bool NeedsResync { get; internal set; }

    /// <summary>False until the first snapshot: level updates before it cannot give a true book.</summary>
    public bool HasSnapshot { get; private set; }

    /// <summary>Replaces both sides with a snapshot (wire order not trusted; zero sizes dropped).</summary>
    public void ApplySnapshot(ReadOnlySpan<PriceLevel> bids, ReadOnlySpan<PriceLevel> asks, ConditionId? market, DateTimeOffset? timestamp, BookHash? hash)
    {
        Bids.Replace(bids);
        Asks.Replace(asks);
        Market = market ?? Market;
        Timestamp = timestamp ?? Timestamp;
        Hash = hash;
        HasSnapshot = true;
    }

    /// <summary>Sets the new total <paramref name="size"/> at a price on one side; 0 removes the level.</summary>
    public void ApplyLevel(bool isBid, decimal price, decimal size, DateTimeOffset? timestamp, BookHash? hash)
    {
        (isBid ? Bids : Asks).Set(price, size);
        Timestamp = timestamp ?? Timestamp;
        Hash = hash ?? Hash;
    }

    /// <summary>Empties the book, as after a lost connection: it waits for a new snapshot.</summary>
    public void Reset()
    {
        Bids.Clear();
        Asks.Clear();
        Hash = null;
        HasSnapshot = false;
    }

    /// <summary>True when the book's top equals the top the server says it has (null = that side empty).</summary>
    public bool TopMatches(decimal? bestBid, decimal? bestAsk) => BestBid == bestBid && BestAsk == bestAsk;

    public OrderBook ToOrderBook() =>
        OrderBook.Create(TokenId, Market, ToLevels(Bids), ToLevels(Asks)) with
        {
            TickSize = TickSize,
            Timestamp = Timestamp,
            LastTradePrice = LastTradePrice,
            Hash = Hash?.ToString(),
        };

    private static List<BookLevel> ToLevels(BookSide side)
    {
        var levels = new List<BookLevel>(side.Count);
        for (var i = 0; i < side.Count; i++)
        {
            var level = side[i];
            levels.Add(new BookLevel(level.Price, level.Size));
        }

        return levels;
    }
}
