using Prescient.Domain.Books;
using Prescient.Domain.Ids;

namespace Prescient.Domain.Tests;

public sealed class OrderBookTests
{
    private static readonly TokenId Token = TokenId.Create("23360939988679364027624185518382759743328544433592111535569478055890815567848");

    [Fact]
    public void Create_WireOrderBestLast_SortsBestFirst()
    {
        // The CLOB sends bids ascending and asks descending (fixtures/polymarket/clob/book_2024-10_legacy_format.json).
        var book = OrderBook.Create(
            Token,
            null,
            [new BookLevel(0.01m, 1000m), new BookLevel(0.06m, 200m), new BookLevel(0.1m, 125m)],
            [new BookLevel(0.98m, 5000m), new BookLevel(0.5m, 30m), new BookLevel(0.14m, 705m)]);

        Assert.Equal([0.1m, 0.06m, 0.01m], book.Bids.Select(l => l.Price));
        Assert.Equal([0.14m, 0.5m, 0.98m], book.Asks.Select(l => l.Price));
        Assert.Equal(0.1m, book.BestBid);
        Assert.Equal(0.14m, book.BestAsk);
        Assert.Equal(0.12m, book.Mid);
        Assert.Equal(0.04m, book.Spread);
    }

    [Fact]
    public void Create_AnyWireOrderWithRepeatedPrices_SortsLikeAStableSortBestFirst()
    {
        var random = new Random(20261125);
        for (var run = 0; run < 500; run++)
        {
            // Levels from a handful of prices, so equal prices are common; sizes tell equal prices apart.
            var levels = Enumerable.Range(0, random.Next(0, 12))
                .Select(i => new BookLevel(random.Next(1, 6) / 10m, i + 1))
                .ToList();
            var order = random.Next(3);
            var wire = order switch
            {
                0 => levels.OrderBy(l => l.Price).ToList(),
                1 => levels.OrderByDescending(l => l.Price).ToList(),
                _ => levels,
            };

            var book = OrderBook.Create(Token, null, wire, wire);

            Assert.Equal(wire.OrderByDescending(l => l.Price), book.Bids);
            Assert.Equal(wire.OrderBy(l => l.Price), book.Asks);
        }
    }

    [Fact]
    public void Create_OneSidedBook_HasNoMidOrSpread()
    {
        var book = OrderBook.Create(Token, null, [], [new BookLevel(0.2m, 70m)]);

        Assert.Null(book.BestBid);
        Assert.Equal(0.2m, book.BestAsk);
        Assert.Null(book.Mid);
        Assert.Null(book.Spread);
    }

    [Theory]
    [InlineData(-0.01, 1)]
    [InlineData(1.01, 1)]
    [InlineData(0.5, 0)]
    [InlineData(0.5, -3)]
    public void BookLevel_OutOfRange_Throws(double price, double size) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new BookLevel((decimal)price, (decimal)size));
}
