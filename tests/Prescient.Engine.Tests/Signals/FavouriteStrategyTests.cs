using Microsoft.Extensions.Options;
using Prescient.Domain.Ids;
using Prescient.Domain.Signals;
using Prescient.Engine.Signals;
using static Prescient.Engine.Tests.Signals.SignalsData;

namespace Prescient.Engine.Tests.Signals;

public sealed class FavouriteStrategyTests
{
    private static FavouriteStrategy Favourite(FavouriteStrategyOptions? options = null) => new(Options.Create(options ?? new FavouriteStrategyOptions()));

    [Fact]
    public void Generate_YesAskInTheBand_BuysYesAtItsAskWithTheBandTopAsLimit()
    {
        var market = Row("7", "70");

        var result = Favourite().Generate(Context([market], TwoSided(market, 0.84m, 0.85m)));

        var signal = Assert.Single(result.Signals);
        Assert.Equal(SignalId.Create("20261125-70-buy_yes"), signal.SignalId);
        Assert.Equal("favourite", signal.Strategy);
        Assert.Equal(SignalAction.BuyYes, signal.Action);
        Assert.Equal(market.YesTokenId, signal.TokenId);
        Assert.Equal(0.85m, signal.Price.Value);
        Assert.Equal(0.95m, signal.LimitPrice.Value);
        Assert.Equal(0.85m, signal.YesPrice.Value);
        Assert.Equal("best_ask", signal.YesPriceSource);
        Assert.Equal(0.05m, signal.Confidence);
        Assert.Equal("YES best ask 0.85 in the favourite band 0.80–0.95: buy YES at ≤ 0.95, confidence 0.05", signal.Reason);
    }

    [Fact]
    public void Generate_NoIsTheFavourite_BuysNo()
    {
        var market = Row("7", "70");

        var result = Favourite().Generate(Context([market], TwoSided(market, 0.10m, 0.11m)));

        var signal = Assert.Single(result.Signals);
        Assert.Equal(SignalAction.BuyNo, signal.Action);
        Assert.Equal(market.NoTokenId, signal.TokenId);
        Assert.Equal(0.90m, signal.Price.Value);
        Assert.Equal(SignalId.Create("20261125-70-buy_no"), signal.SignalId);
    }

    [Theory]
    [InlineData(0.78, 0.79, false)]
    [InlineData(0.79, 0.80, true)]
    [InlineData(0.94, 0.95, true)]
    [InlineData(0.95, 0.96, false)]
    [InlineData(0.49, 0.51, false)]
    public void Generate_AroundTheBandEdges_BuysOnlyWithinInclusive(decimal yesBid, decimal yesAsk, bool emits)
    {
        var market = Row("7", "70");

        var result = Favourite().Generate(Context([market], TwoSided(market, yesBid, yesAsk)));

        Assert.Equal(emits, result.Signals.Count == 1);
        if (!emits)
        {
            Assert.Equal(SkipReason.OutsideBand, Assert.Single(result.Skipped).Reason);
        }
    }

    [Fact]
    public void Generate_HeldWideOrThin_SkippedWithTheReason()
    {
        var held = Row("1", "10");
        var wide = Row("2", "20");
        var thin = Row("3", "30");
        var quotes = TwoSided(held, 0.84m, 0.85m).Concat(TwoSided(wide, 0.70m, 0.85m)).Concat(TwoSided(thin, 0.84m, 0.85m, size: 50m));

        var result = Favourite().Generate(Context([held, wide, thin], quotes, Holding(held)));

        Assert.Empty(result.Signals);
        Assert.Equal([SkipReason.AlreadyHeld, SkipReason.SpreadTooWide, SkipReason.BookTooThin], result.Skipped.Select(s => s.Reason));
    }

    [Fact]
    public void Recheck_OnTheSameBooks_StillHolds_AfterThePriceLeftTheBand_Skips()
    {
        var market = Row("7", "70");
        var strategy = Favourite();
        var quotes = TwoSided(market, 0.84m, 0.85m);
        var signal = Assert.Single(strategy.Generate(Context([market], quotes)).Signals);
        var domain = market.ToMarket();
        var moved = TwoSided(market, 0.96m, 0.97m);

        var same = strategy.Recheck(signal, domain, Book(quotes[0]), Book(quotes[1]), new Domain.Positions.Portfolio(Domain.Values.Usdc.Create(10_000m)), Now);
        var after = strategy.Recheck(signal, domain, Book(moved[0]), Book(moved[1]), new Domain.Positions.Portfolio(Domain.Values.Usdc.Create(10_000m)), Now);

        Assert.Null(same);
        Assert.Equal(SkipReason.OutsideBand, after?.Reason);
    }

    [Fact]
    public void Options_OutOfRange_NameTheKey()
    {
        Assert.Null(new FavouriteStrategyOptions().Validate());
        Assert.StartsWith("Strategy:Favourite:MaxPrice", new FavouriteStrategyOptions { MinPrice = 0.9m, MaxPrice = 0.8m }.Validate(), StringComparison.Ordinal);
        Assert.StartsWith("Strategy:Favourite:MinPrice", new FavouriteStrategyOptions { MinPrice = 0m }.Validate(), StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Favourite(new FavouriteStrategyOptions { Stake = 0m }));
    }

    private static Domain.Books.OrderBook Book(Engine.Quotes.TokenQuote quote) =>
        Domain.Books.OrderBook.Create(
            quote.TokenId,
            quote.ConditionId,
            quote.Bids.Select(l => new Domain.Books.BookLevel(l.Price, l.Size)),
            quote.Asks.Select(l => new Domain.Books.BookLevel(l.Price, l.Size))) with { TickSize = quote.TickSize };
}
