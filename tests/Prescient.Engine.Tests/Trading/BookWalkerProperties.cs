using FsCheck.Xunit;
using Prescient.Domain.Trading;
using Prescient.Engine.Trading;

namespace Prescient.Engine.Tests.Trading;

public sealed class BookWalkerProperties
{
    [Property(Arbitrary = [typeof(TradingArbitraries)])]
    public void Buy_AnyBook_NeverBeatsTheBookNorExceedsTheStake(BuyCase c)
    {
        var attempt = BookWalker.Buy(c.Book, c.Stake, c.Limit, c.Fees, c.Tick, c.MinOrderSize);

        var limit = Math.Floor(c.Limit / c.Tick) * c.Tick;
        if (!attempt.IsFilled)
        {
            var expected = c.Book.Asks.Count == 0 ? RejectionReason.NoBook
                : c.Book.Asks[0].Price > limit ? RejectionReason.PriceAboveMaximum
                : RejectionReason.BelowMinimumOrderSize;
            Assert.Equal(expected, attempt.Reason);
            return;
        }

        var fill = attempt.Fill;
        Assert.All(fill.Levels, l => Assert.True(l.Price <= limit, $"level {l.Price} above limit {limit}"));
        foreach (var group in fill.Levels.GroupBy(l => l.Price))
        {
            var offered = c.Book.Asks.Where(a => a.Price == group.Key).Sum(a => a.Size);
            Assert.True(offered > 0m, $"price {group.Key} is not in the book");
            Assert.True(group.Sum(l => l.Shares) <= offered, $"took {group.Sum(l => l.Shares)} of {offered} at {group.Key}");
        }

        Assert.Equal(fill.Levels.Select(l => l.Price), fill.Levels.Select(l => l.Price).Order());
        Assert.All(fill.Levels, l => Assert.True(l.Shares > 0m && l.Shares % BookWalker.ShareUnit == 0m));
        Assert.Equal(fill.Levels.Sum(l => l.Shares), fill.Shares);
        Assert.Equal(fill.Levels.Sum(l => l.Price * l.Shares), fill.Cost);
        Assert.Equal(FeeModel.TakerFee(c.Fees, fill.Levels), fill.Fees);
        Assert.True(fill.Cost + fill.Fees <= c.Stake, $"spent {fill.Cost} + {fill.Fees} of {c.Stake}");
        Assert.Equal(c.Book.Asks[0].Price, fill.BestPrice);
        Assert.True(fill.AveragePrice >= fill.BestPrice);
        Assert.Equal(fill.AveragePrice - fill.BestPrice, fill.Slippage);
        Assert.True(fill.Shares >= (c.MinOrderSize ?? 0m));
        Assert.Equal(c.Book.Timestamp, fill.BookTimestamp);
        AssertNoUnitLeft(c, fill, limit);
    }

    [Property(Arbitrary = [typeof(TradingArbitraries)])]
    public void Sell_AnyBook_NeverBeatsTheBookNorSellsMoreThanAsked(SellCase c)
    {
        var attempt = BookWalker.Sell(c.Book, c.Shares, c.MinPrice, c.Fees, c.Tick, c.MinOrderSize);

        var floor = Math.Ceiling(c.MinPrice / c.Tick) * c.Tick;
        if (!attempt.IsFilled)
        {
            var expected = c.Book.Bids.Count == 0 ? RejectionReason.NoBook
                : c.Book.Bids[0].Price < floor ? RejectionReason.PriceBelowMinimum
                : RejectionReason.BelowMinimumOrderSize;
            Assert.Equal(expected, attempt.Reason);
            return;
        }

        var fill = attempt.Fill;
        Assert.All(fill.Levels, l => Assert.True(l.Price >= floor));
        foreach (var group in fill.Levels.GroupBy(l => l.Price))
        {
            Assert.True(group.Sum(l => l.Shares) <= c.Book.Bids.Where(b => b.Price == group.Key).Sum(b => b.Size));
        }

        Assert.True(fill.Shares <= c.Shares);
        Assert.Equal(fill.Levels.Sum(l => l.Price * l.Shares), fill.Cost);
        Assert.Equal(FeeModel.TakerFee(c.Fees, fill.Levels), fill.Fees);
        Assert.True(fill.AveragePrice <= fill.BestPrice);
        Assert.Equal(fill.BestPrice - fill.AveragePrice, fill.Slippage);
        var depth = c.Book.Bids.Where(b => b.Price >= floor).Sum(b => Math.Floor(b.Size * 100m) / 100m);
        Assert.Equal(Math.Min(c.Shares, depth), fill.Shares);
    }

    /// <summary>The walk stops only when the book within the limit is used up or one more 0.01 share at the next price would pass the stake.</summary>
    private static void AssertNoUnitLeft(BuyCase c, Fill fill, decimal limit)
    {
        var taken = fill.Levels.GroupBy(l => l.Price).ToDictionary(g => g.Key, g => g.Sum(l => l.Shares));
        var next = c.Book.Asks
            .Where(a => a.Price <= limit)
            .GroupBy(a => a.Price)
            .Select(g => (Price: g.Key, Left: g.Sum(a => Math.Floor(a.Size * 100m) / 100m) - taken.GetValueOrDefault(g.Key)))
            .FirstOrDefault(l => l.Left >= BookWalker.ShareUnit);
        if (next == default)
        {
            return;
        }

        FillLevel[] more = [.. fill.Levels, new FillLevel(next.Price, BookWalker.ShareUnit)];
        var cost = fill.Cost + (next.Price * BookWalker.ShareUnit) + FeeModel.TakerFee(c.Fees, more);
        Assert.True(cost > c.Stake, $"0.01 more share at {next.Price} would cost {cost}, within the stake {c.Stake}");
    }
}
