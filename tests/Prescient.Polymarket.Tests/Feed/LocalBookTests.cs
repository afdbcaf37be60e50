using Prescient.Domain.Ids;
using Prescient.Polymarket.Feed;

namespace Prescient.Polymarket.Tests.Feed;

public sealed class LocalBookTests
{
    private static readonly TokenId Token = TokenId.Create("1");

    [Fact]
    public void ApplySnapshot_UnsortedWireOrder_BestFirstByDepth()
    {
        var book = new LocalBook(Token);

        book.ApplySnapshot([new(0.01m, 1000m), new(0.1m, 125m), new(0.06m, 200m)], [new(0.98m, 5000m), new(0.14m, 705m), new(0.5m, 30m)], null, null, null);

        Assert.Equal(0.1m, book.BestBid);
        Assert.Equal(0.14m, book.BestAsk);
        Assert.Equal([0.1m, 0.06m, 0.01m], book.Bids.ToArrayBestFirst().Select(l => l.Price));
        Assert.Equal([0.14m, 0.5m, 0.98m], book.Asks.ToArrayBestFirst().Select(l => l.Price));
    }

    [Fact]
    public void ApplySnapshot_SecondSnapshot_ReplacesTheBook()
    {
        var book = new LocalBook(Token);
        book.ApplySnapshot([new(0.4m, 10m), new(0.45m, 5m)], [new(0.5m, 7m)], null, null, null);

        book.ApplySnapshot([new(0.3m, 1m)], [], null, null, null);

        Assert.Equal([new PriceLevel(0.3m, 1m)], book.Bids.ToArrayBestFirst());
        Assert.Equal(0, book.Asks.Count);
        Assert.Null(book.BestAsk);
    }

    [Fact]
    public void ApplyLevel_SizeIsTheNewTotalAndZeroRemoves()
    {
        var book = new LocalBook(Token);
        book.ApplySnapshot([new(0.4m, 10m), new(0.45m, 5m)], [new(0.5m, 7m), new(0.55m, 3m)], null, null, null);

        book.ApplyLevel(isBid: true, 0.45m, 8m, null, null);
        book.ApplyLevel(isBid: true, 0.47m, 2m, null, null);
        book.ApplyLevel(isBid: false, 0.5m, 0m, null, null);
        book.ApplyLevel(isBid: false, 0.6m, 0m, null, null);

        Assert.Equal([new PriceLevel(0.47m, 2m), new(0.45m, 8m), new(0.4m, 10m)], book.Bids.ToArrayBestFirst());
        Assert.Equal([new PriceLevel(0.55m, 3m)], book.Asks.ToArrayBestFirst());
        Assert.Equal((0.47m, 0.55m), (book.BestBid, book.BestAsk));
    }

    [Fact]
    public void ApplyLevel_ManyRandomUpdates_MatchASortedDictionary()
    {
        var random = new Random(7);
        var book = new LocalBook(Token);
        book.ApplySnapshot([], [], null, null, null);
        var bids = new SortedDictionary<decimal, decimal>();
        for (var i = 0; i < 20_000; i++)
        {
            var price = random.Next(1, 1000) / 1000m;
            var size = random.Next(0, 3) == 0 ? 0m : random.Next(1, 10_000) / 100m;
            book.ApplyLevel(isBid: true, price, size, null, null);
            if (size == 0m)
            {
                bids.Remove(price);
            }
            else
            {
                bids[price] = size;
            }
        }

        Assert.Equal(bids.Reverse().Select(p => new PriceLevel(p.Key, p.Value)), book.Bids.ToArrayBestFirst());
    }

    [Fact]
    public void ToOrderBook_CopiesLevelsBestFirst()
    {
        var book = new LocalBook(Token);
        book.ApplySnapshot([new(0.4m, 10m), new(0.45m, 5m)], [new(0.5m, 7m)], ConditionId.Create("0x1"), DateTimeOffset.UnixEpoch, null);

        var copy = book.ToOrderBook();

        Assert.Equal((0.45m, 0.5m), (copy.BestBid, copy.BestAsk));
        Assert.Equal(2, copy.Bids.Count);
        Assert.Equal(DateTimeOffset.UnixEpoch, copy.Timestamp);
    }
}
