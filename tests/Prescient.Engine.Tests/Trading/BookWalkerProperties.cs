using FsCheck.Xunit;
using Prescient.Domain.Trading;
using Prescient.Domain.Values;
using Prescient.Engine.Trading;

namespace Prescient.Engine.Tests.Trading;

public sealed class BookWalkerProperties
{
    [Property(Arbitrary = [typeof(TradingArbitraries)])]
    public void Buy_AnyBook_NeverBeatsTheBookNorExceedsTheStake(BuyCase c)
    {
        var attempt = BookWalker.Buy(c.Book, Usdc.Create(c.Stake), Price.Create(c.Limit), c.Fees, Price.From(c.Tick), Shares.From(c.MinOrderSize));

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
        Assert.All(fill.Levels, l => Assert.True(l.Price.Value <= limit, $"level {l.Price.Value} above limit {limit}"));
        foreach (var group in fill.Levels.GroupBy(l => l.Price.Value))
        {
            var offered = c.Book.Asks.Where(a => a.Price == group.Key).Sum(a => a.Size);
            Assert.True(offered > 0m, $"price {group.Key} is not in the book");
            Assert.True(group.Sum(l => l.Shares.Value) <= offered, $"took {group.Sum(l => l.Shares.Value)} of {offered} at {group.Key}");
        }

        Assert.Equal(fill.Levels.Select(l => l.Price.Value), fill.Levels.Select(l => l.Price.Value).Order());
        Assert.All(fill.Levels, l => Assert.True(l.Shares.Value > 0m && l.Shares.Value % BookWalker.ShareUnit == 0m));
        Assert.Equal(fill.Levels.Sum(l => l.Shares.Value), fill.Shares.Value);
        Assert.Equal(fill.Levels.Sum(l => l.Price.Value * l.Shares.Value), fill.Cost.Value);
        Assert.Equal(FeeModel.TakerFee(c.Fees, fill.Levels).Value, fill.Fees.Value);
        Assert.True(fill.Cost.Value + fill.Fees.Value <= c.Stake, $"spent {fill.Cost.Value} + {fill.Fees.Value} of {c.Stake}");
        Assert.Equal(c.Book.Asks[0].Price, fill.BestPrice.Value);
        Assert.True(fill.AveragePrice.Value >= fill.BestPrice.Value);
        Assert.Equal(fill.AveragePrice.Value - fill.BestPrice.Value, fill.Slippage.Value);
        Assert.True(fill.Shares.Value >= (c.MinOrderSize ?? 0m));
        Assert.Equal(c.Book.Timestamp, fill.BookTimestamp);
        AssertNoUnitLeft(c, fill, limit);
    }

    [Property(Arbitrary = [typeof(TradingArbitraries)])]
    public void Sell_AnyBook_NeverBeatsTheBookNorSellsMoreThanAsked(SellCase c)
    {
        var attempt = BookWalker.Sell(c.Book, Shares.Create(c.Shares), Price.Create(c.MinPrice), c.Fees, Price.From(c.Tick), Shares.From(c.MinOrderSize));

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
        Assert.All(fill.Levels, l => Assert.True(l.Price.Value >= floor));
        foreach (var group in fill.Levels.GroupBy(l => l.Price.Value))
        {
            Assert.True(group.Sum(l => l.Shares.Value) <= c.Book.Bids.Where(b => b.Price == group.Key).Sum(b => b.Size));
        }

        Assert.True(fill.Shares.Value <= c.Shares);
        Assert.Equal(fill.Levels.Sum(l => l.Price.Value * l.Shares.Value), fill.Cost.Value);
        Assert.Equal(FeeModel.TakerFee(c.Fees, fill.Levels).Value, fill.Fees.Value);
        Assert.True(fill.AveragePrice.Value <= fill.BestPrice.Value);
        Assert.Equal(fill.BestPrice.Value - fill.AveragePrice.Value, fill.Slippage.Value);
        var depth = c.Book.Bids.Where(b => b.Price >= floor).Sum(b => Math.Floor(b.Size * 100m) / 100m);
        Assert.Equal(Math.Min(c.Shares, depth), fill.Shares.Value);
    }

    /// <summary>The walk stops only when the book within the limit is used up or one more 0.01 share at the next price would pass the stake.</summary>
    private static void AssertNoUnitLeft(BuyCase c, Fill fill, decimal limit)
    {
        var taken = fill.Levels.GroupBy(l => l.Price.Value).ToDictionary(g => g.Key, g => g.Sum(l => l.Shares.Value));
        var next = c.Book.Asks
            .Where(a => a.Price <= limit)
            .GroupBy(a => a.Price)
            .Select(g => (Price: g.Key, Left: g.Sum(a => Math.Floor(a.Size * 100m) / 100m) - taken.GetValueOrDefault(g.Key)))
            .FirstOrDefault(l => l.Left >= BookWalker.ShareUnit);
        if (next == default)
        {
            return;
        }

        FillLevel[] more = [.. fill.Levels, new FillLevel(Price.Create(next.Price), Shares.Create(BookWalker.ShareUnit))];
        var cost = fill.Cost.Value + (next.Price * BookWalker.ShareUnit) + FeeModel.TakerFee(c.Fees, more).Value;
        Assert.True(cost > c.Stake, $"0.01 more share at {next.Price} would cost {cost}, within the stake {c.Stake}");
    }
}
