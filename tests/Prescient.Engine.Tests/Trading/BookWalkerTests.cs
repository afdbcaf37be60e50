using Prescient.Domain.Ids;
using Prescient.Domain.Markets;
using Prescient.Domain.Trading;
using Prescient.Domain.Values;
using Prescient.Engine.Trading;

namespace Prescient.Engine.Tests.Trading;

public sealed class BookWalkerTests
{
    private static readonly TokenId Token = TokenId.Create("71321045679252212594626385532706912750332728571942532289631379312455583992563");
    private static readonly DateTimeOffset At = TradingData.Now;

    [Fact]
    public void Buy_StakeSpansTwoLevels_TakesBestFirstInWholeHundredths()
    {
        var book = TradingData.Book(Token, At, [(0.52m, 500m), (0.50m, 100m)]);

        var fill = Filled(BookWalker.Buy(book, Usdc.Create(100m), Price.Create(0.60m), FeeSettings.None, Price.From(0.01m), Shares.From(5m)));

        // 100 @ 0.50 = 50; the other 50 USDC buy floor(50 / 0.52, 0.01) = 96.15 @ 0.52 = 49.998
        Assert.Equal([new FillLevel(Price.Create(0.50m), Shares.Create(100m)), new FillLevel(Price.Create(0.52m), Shares.Create(96.15m))], fill.Levels);
        Assert.Equal(196.15m, fill.Shares.Value);
        Assert.Equal(99.998m, fill.Cost.Value);
        Assert.Equal(0.509804m, fill.AveragePrice.Value);
        Assert.Equal(0.50m, fill.BestPrice.Value);
        Assert.Equal(0.009804m, fill.Slippage.Value);
        Assert.Equal(0m, fill.Fees.Value);
        Assert.Equal(At, fill.BookTimestamp);
    }

    [Fact]
    public void Buy_WithFees_KeepsCostPlusFeesWithinStake()
    {
        var book = TradingData.Book(Token, At, [(0.50m, 1_000m)]);
        var sports = new FeeSettings { Enabled = true, Rate = 0.03m, Exponent = 1m };

        var fill = Filled(BookWalker.Buy(book, Usdc.Create(100m), Price.Create(0.50m), sports, Price.From(0.01m), Shares.From(5m)));

        // 0.5 + 0.03 × 0.25 = 0.5075 per share → 197.04 shares, cost 98.52, fee 1.4778
        Assert.Equal(197.04m, fill.Shares.Value);
        Assert.Equal(98.52m, fill.Cost.Value);
        Assert.Equal(1.4778m, fill.Fees.Value);
        Assert.True(fill.Cost.Value + fill.Fees.Value <= 100m);
    }

    [Fact]
    public void Buy_LimitOffTick_IsRoundedDownToTheTick()
    {
        var book = TradingData.Book(Token, At, [(0.50m, 10m), (0.51m, 1_000m)]);

        var fill = Filled(BookWalker.Buy(book, Usdc.Create(100m), Price.Create(0.509m), FeeSettings.None, Price.From(0.01m), Shares.From(5m)));

        Assert.Equal([new FillLevel(Price.Create(0.50m), Shares.Create(10m))], fill.Levels);
    }

    [Fact]
    public void Buy_LevelSizeBelowOneHundredth_TakesWholeHundredthsOnly()
    {
        var book = TradingData.Book(Token, At, [(0.40m, 12.345m), (0.41m, 0.004m), (0.42m, 100m)]);

        var fill = Filled(BookWalker.Buy(book, Usdc.Create(10m), Price.Create(0.99m), FeeSettings.None, Price.From(0.01m), null));

        // 12.34 @ 0.40 = 4.936; nothing from the 0.004 level; 5.064 / 0.42 → 12.05 @ 0.42 = 5.061
        Assert.Equal([new FillLevel(Price.Create(0.40m), Shares.Create(12.34m)), new FillLevel(Price.Create(0.42m), Shares.Create(12.05m))], fill.Levels);
        Assert.Equal(9.997m, fill.Cost.Value);
    }

    [Fact]
    public void Buy_BookThinnerThanStake_FillsWhatTheBookHasWithinTheLimit()
    {
        var book = TradingData.Book(Token, At, [(0.30m, 20m), (0.31m, 10m), (0.90m, 1_000m)]);

        var fill = Filled(BookWalker.Buy(book, Usdc.Create(100m), Price.Create(0.50m), FeeSettings.None, Price.From(0.01m), Shares.From(5m)));

        Assert.Equal(30m, fill.Shares.Value);
        Assert.Equal(9.1m, fill.Cost.Value);
    }

    [Fact]
    public void Buy_NoAsks_IsNoBook()
    {
        var book = TradingData.Book(Token, At, [], bids: [(0.4m, 100m)]);

        var attempt = BookWalker.Buy(book, Usdc.Create(100m), Price.Create(0.6m), FeeSettings.None, Price.From(0.01m), Shares.From(5m));

        Assert.Equal(RejectionReason.NoBook, attempt.Reason);
        Assert.Contains(Token.Value, attempt.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Buy_BestAskAboveLimit_IsPriceAboveMaximum()
    {
        var book = TradingData.Book(Token, At, [(0.66m, 100m)]);

        var attempt = BookWalker.Buy(book, Usdc.Create(100m), Price.Create(0.659m), FeeSettings.None, Price.From(0.01m), Shares.From(5m));

        Assert.Equal(RejectionReason.PriceAboveMaximum, attempt.Reason);
        Assert.Equal("best ask 0.66 is above the limit price 0.65", attempt.Detail);
    }

    [Fact]
    public void Buy_BookOffersLessThanMinimumWithinLimit_IsBelowMinimumOrderSize()
    {
        var book = TradingData.Book(Token, At, [(0.50m, 3m), (0.70m, 100m)]);

        var attempt = BookWalker.Buy(book, Usdc.Create(100m), Price.Create(0.60m), FeeSettings.None, Price.From(0.01m), Shares.From(5m));

        Assert.Equal(RejectionReason.BelowMinimumOrderSize, attempt.Reason);
        Assert.Equal("the book offers 3 shares at or below the limit 0.6; the minimum order is 5 shares", attempt.Detail);
    }

    [Fact]
    public void Buy_StakeBuysLessThanMinimum_IsBelowMinimumOrderSize()
    {
        var book = TradingData.Book(Token, At, [(0.50m, 100m)]);

        var attempt = BookWalker.Buy(book, Usdc.Create(2m), Price.Create(0.60m), FeeSettings.None, Price.From(0.01m), Shares.From(5m));

        Assert.Equal(RejectionReason.BelowMinimumOrderSize, attempt.Reason);
        Assert.Equal("a stake of 2 USDC buys 4 shares at or below the limit 0.6; the minimum order is 5 shares", attempt.Detail);
    }

    [Fact]
    public void Buy_StakeBelowOneHundredthShare_IsBelowMinimumOrderSizeEvenWithoutMinimum()
    {
        var book = TradingData.Book(Token, At, [(0.50m, 100m)]);

        var attempt = BookWalker.Buy(book, Usdc.Create(0.004m), Price.Create(0.60m), FeeSettings.None, null, null);

        Assert.Equal(RejectionReason.BelowMinimumOrderSize, attempt.Reason);
    }

    [Fact]
    public void Sell_ThinBook_FillsPartiallyBestBidFirst()
    {
        var book = TradingData.Book(Token, At, [], bids: [(0.40m, 10m), (0.45m, 20m)]);

        var fill = Filled(BookWalker.Sell(book, Shares.Create(50m), Price.Create(0m), FeeSettings.None, Price.From(0.01m), Shares.From(5m)));

        Assert.Equal([new FillLevel(Price.Create(0.45m), Shares.Create(20m)), new FillLevel(Price.Create(0.40m), Shares.Create(10m))], fill.Levels);
        Assert.Equal(30m, fill.Shares.Value);
        Assert.Equal(13m, fill.Cost.Value);
        Assert.Equal(0.433333m, fill.AveragePrice.Value);
        Assert.Equal(0.45m, fill.BestPrice.Value);
        Assert.Equal(0.016667m, fill.Slippage.Value);
    }

    [Fact]
    public void Sell_MinimumPriceOffTick_IsRoundedUpAndStopsTheWalk()
    {
        var book = TradingData.Book(Token, At, [], bids: [(0.45m, 20m), (0.40m, 100m)]);

        var fill = Filled(BookWalker.Sell(book, Shares.Create(50m), Price.Create(0.401m), FeeSettings.None, Price.From(0.01m), Shares.From(5m)));

        Assert.Equal([new FillLevel(Price.Create(0.45m), Shares.Create(20m))], fill.Levels);
    }

    [Fact]
    public void Sell_WithFees_ChargesTheTakerFee()
    {
        var book = TradingData.Book(Token, At, [], bids: [(0.5m, 100m)]);

        var fill = Filled(BookWalker.Sell(book, Shares.Create(100m), Price.Create(0m), new FeeSettings { Enabled = true, Rate = 0.03m, Exponent = 1m }, Price.From(0.01m), Shares.From(5m)));

        Assert.Equal(50m, fill.Cost.Value);
        Assert.Equal(0.75m, fill.Fees.Value);
    }

    [Fact]
    public void Sell_NoBids_IsNoBook()
    {
        var book = TradingData.Book(Token, At, [(0.5m, 100m)]);

        Assert.Equal(RejectionReason.NoBook, BookWalker.Sell(book, Shares.Create(10m), Price.Create(0m), FeeSettings.None, Price.From(0.01m), Shares.From(5m)).Reason);
    }

    [Fact]
    public void Sell_BestBidBelowMinimumPrice_IsPriceBelowMinimum()
    {
        var book = TradingData.Book(Token, At, [], bids: [(0.3m, 100m)]);

        var attempt = BookWalker.Sell(book, Shares.Create(10m), Price.Create(0.35m), FeeSettings.None, Price.From(0.01m), Shares.From(5m));

        Assert.Equal(RejectionReason.PriceBelowMinimum, attempt.Reason);
        Assert.Equal("best bid 0.3 is below the minimum price 0.35", attempt.Detail);
    }

    [Fact]
    public void Sell_BookTakesLessThanMinimum_IsBelowMinimumOrderSize()
    {
        var book = TradingData.Book(Token, At, [], bids: [(0.5m, 2m)]);

        Assert.Equal(RejectionReason.BelowMinimumOrderSize, BookWalker.Sell(book, Shares.Create(10m), Price.Create(0m), FeeSettings.None, Price.From(0.01m), Shares.From(5m)).Reason);
    }

    private static Fill Filled(FillAttempt attempt)
    {
        Assert.True(attempt.IsFilled, attempt.ToString());
        return attempt.Fill;
    }
}
