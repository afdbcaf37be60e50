using Prescient.Domain.Ids;
using Prescient.Domain.Signals;
using Prescient.Engine.Signals;
using static Prescient.Engine.Tests.Signals.SignalsData;

namespace Prescient.Engine.Tests.Signals;

public sealed class ThresholdStrategyTests
{
    [Fact]
    public void Generate_YesMidAboveThreshold_EmitsBuyNoAtTheNoAskWithConfidenceAndReason()
    {
        var market = Row("7", "70");

        var result = Strategy().Generate(Context([market], TwoSided(market, 0.61m, 0.63m)));

        var signal = Assert.Single(result.Signals);
        Assert.Empty(result.Skipped);
        Assert.Equal(SignalId.Create("20261125-70-buy_no"), signal.SignalId);
        Assert.Equal(Now, signal.CreatedAt);
        Assert.Equal("threshold", signal.Strategy);
        Assert.Equal(SignalAction.BuyNo, signal.Action);
        Assert.Equal(market.NoTokenId, signal.TokenId);
        Assert.Equal("No", signal.Outcome);
        Assert.Equal((market.EventId, market.MarketId, market.ConditionId, market.Question, market.EventTitle), (signal.EventId, signal.MarketId, signal.ConditionId, signal.Question, signal.EventTitle));
        Assert.Equal(100m, signal.Stake.Value);
        Assert.Equal(0.39m, signal.Price.Value);
        Assert.Equal(0.95m, signal.LimitPrice.Value);
        Assert.Equal(0.62m, signal.YesPrice.Value);
        Assert.Equal("mid", signal.YesPriceSource);
        Assert.Equal(0.12m, signal.Confidence);
        Assert.Equal("YES mid 0.62 > threshold 0.50: buy NO at ≤ 0.95 (best ask 0.39), confidence 0.12", signal.Reason);
    }

    [Theory]
    [InlineData(0.49, 0.51, false)]
    [InlineData(0.50, 0.50, false)]
    [InlineData(0.50, 0.51, true)]
    [InlineData(0.40, 0.42, false)]
    public void Generate_YesMidAroundThreshold_EmitsOnlyStrictlyAbove(decimal yesBid, decimal yesAsk, bool emits)
    {
        var market = Row("7", "70");

        var result = Strategy().Generate(Context([market], TwoSided(market, yesBid, yesAsk)));

        Assert.Equal(emits, result.Signals.Count == 1);
        if (!emits)
        {
            var skipped = Assert.Single(result.Skipped);
            Assert.Equal(SkipReason.BelowThreshold, skipped.Reason);
            Assert.Equal($"YES mid {(yesBid + yesAsk) / 2:0.00##} not above threshold 0.50", skipped.Detail);
        }
    }

    [Fact]
    public void Generate_YesMidJustAbove_ConfidenceIsTheExactDistance()
    {
        var market = Row("7", "70");

        var signal = Assert.Single(Strategy().Generate(Context([market], TwoSided(market, 0.50m, 0.51m))).Signals);

        Assert.Equal(0.505m, signal.YesPrice.Value);
        Assert.Equal(0.005m, signal.Confidence);
    }

    [Fact]
    public void Generate_BuyYesSide_BuysYesWhenTheImpliedNoPriceIsAboveThreshold()
    {
        var strategy = Strategy(new ThresholdStrategyOptions { Side = SignalAction.BuyYes });
        var cheap = Row("7", "70");
        var dear = Row("8", "80");

        var result = strategy.Generate(Context([cheap, dear], [.. TwoSided(cheap, 0.30m, 0.32m), .. TwoSided(dear, 0.61m, 0.63m)]));

        var signal = Assert.Single(result.Signals);
        Assert.Equal(SignalId.Create("20261125-70-buy_yes"), signal.SignalId);
        Assert.Equal(SignalAction.BuyYes, signal.Action);
        Assert.Equal(cheap.YesTokenId, signal.TokenId);
        Assert.Equal("Yes", signal.Outcome);
        Assert.Equal(0.32m, signal.Price.Value);
        Assert.Equal(0.31m, signal.YesPrice.Value);
        Assert.Equal(0.19m, signal.Confidence);
        Assert.Equal("NO at 1 − YES mid 0.31 = 0.69 > threshold 0.50: buy YES at ≤ 0.95 (best ask 0.32), confidence 0.19", signal.Reason);
        var skipped = Assert.Single(result.Skipped);
        Assert.Equal((dear.MarketId, SkipReason.BelowThreshold), (skipped.MarketId, skipped.Reason));
        Assert.Equal("NO at 1 − YES mid 0.62 = 0.38 not above threshold 0.50", skipped.Detail);
    }

    [Theory]
    [InlineData(YesPriceSource.Mid, "mid", 0.62)]
    [InlineData(YesPriceSource.LastTrade, "last_trade", 0.64)]
    [InlineData(YesPriceSource.BestBid, "best_bid", 0.61)]
    public void Generate_EachYesPriceSource_ReadsItsNumberFromTheYesQuote(YesPriceSource source, string code, decimal expected)
    {
        var market = Row("7", "70");

        var result = Strategy(new ThresholdStrategyOptions { YesPriceSource = source }).Generate(Context([market], TwoSided(market, 0.61m, 0.63m, lastTrade: 0.64m)));

        var signal = Assert.Single(result.Signals);
        Assert.Equal(expected, signal.YesPrice.Value);
        Assert.Equal(code, signal.YesPriceSource);
        Assert.StartsWith($"YES {code} {expected:0.00}", signal.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_NoLastTrade_SkipsNoPrice()
    {
        var market = Row("7", "70");

        var result = Strategy(new ThresholdStrategyOptions { YesPriceSource = YesPriceSource.LastTrade }).Generate(Context([market], TwoSided(market, 0.61m, 0.63m)));

        var skipped = Assert.Single(result.Skipped);
        Assert.Equal(SkipReason.NoPrice, skipped.Reason);
        Assert.Equal("no YES last_trade price on the YES quote (best bid 0.61, best ask 0.63, last trade none)", skipped.Detail);
    }

    [Fact]
    public void Generate_YesBookWithoutAsks_HasNoMidAndSkipsNoPrice()
    {
        var market = Row("7", "70");
        var yes = Yes(market, Book(market.YesTokenId!.Value, [(0.61m, 500m)], []));
        var no = No(market, Book(market.NoTokenId!.Value, [], [(0.39m, 500m)]));

        var skipped = Assert.Single(Strategy().Generate(Context([market], [yes, no])).Skipped);

        Assert.Equal(SkipReason.NoPrice, skipped.Reason);
        Assert.Contains("best ask none", skipped.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_PositionAlreadyOpen_SkipsAlreadyHeld()
    {
        var market = Row("7", "70");

        var result = Strategy().Generate(Context([market], TwoSided(market, 0.61m, 0.63m), Holding(market, 250m)));

        Assert.Empty(result.Signals);
        var skipped = Assert.Single(result.Skipped);
        Assert.Equal(SkipReason.AlreadyHeld, skipped.Reason);
        Assert.Equal("position open: 250 shares of No, cost basis 100 USDC", skipped.Detail);
    }

    [Fact]
    public void Generate_PositionInAnotherMarket_StillSignals()
    {
        var market = Row("7", "70");

        var result = Strategy().Generate(Context([market], TwoSided(market, 0.61m, 0.63m), Holding(Row("9", "90"))));

        Assert.Single(result.Signals);
    }

    [Fact]
    public void Generate_NoSpreadWiderThanMaximum_SkipsSpreadTooWide()
    {
        var market = Row("7", "70");

        var skipped = Assert.Single(Strategy().Generate(Context([market], TwoSided(market, 0.55m, 0.70m))).Skipped);

        Assert.Equal(SkipReason.SpreadTooWide, skipped.Reason);
        Assert.Equal("NO spread 0.15 (0.30–0.45) > maximum 0.10", skipped.Detail);
    }

    [Fact]
    public void Generate_SpreadExactlyAtMaximum_Signals()
    {
        var market = Row("7", "70");

        Assert.Single(Strategy().Generate(Context([market], TwoSided(market, 0.55m, 0.65m))).Signals);
    }

    [Fact]
    public void Generate_NoBookWithoutBids_SkipsSpreadTooWide()
    {
        var market = Row("7", "70");
        var yes = Yes(market, Book(market.YesTokenId!.Value, [(0.61m, 500m)], [(0.63m, 500m)]));
        var no = No(market, Book(market.NoTokenId!.Value, [], [(0.39m, 500m)]));

        var skipped = Assert.Single(Strategy().Generate(Context([market], [yes, no])).Skipped);

        Assert.Equal(SkipReason.SpreadTooWide, skipped.Reason);
        Assert.Equal("NO book is one-sided (best bid none, best ask 0.39): no spread", skipped.Detail);
    }

    [Fact]
    public void Generate_NoAskAboveMaximumEntryPrice_SkipsPriceAboveMaximum()
    {
        var market = Row("7", "70");

        var skipped = Assert.Single(Strategy(new ThresholdStrategyOptions { MaxEntryPrice = 0.35m }).Generate(Context([market], TwoSided(market, 0.61m, 0.63m))).Skipped);

        Assert.Equal(SkipReason.PriceAboveMaximum, skipped.Reason);
        Assert.Equal("NO best ask 0.39 > limit 0.35", skipped.Detail);
    }

    [Fact]
    public void Generate_AsksWithinLimitWorthLessThanMinimumDepth_SkipsBookTooThin()
    {
        var market = Row("7", "70");
        var yes = Yes(market, Book(market.YesTokenId!.Value, [(0.61m, 500m)], [(0.63m, 500m)]));
        var no = No(market, Book(market.NoTokenId!.Value, [(0.37m, 500m)], [(0.39m, 100m), (0.40m, 50m), (0.41m, 10_000m)]));

        var skipped = Assert.Single(Strategy(new ThresholdStrategyOptions { MaxEntryPrice = 0.40m }).Generate(Context([market], [yes, no])).Skipped);

        Assert.Equal(SkipReason.BookTooThin, skipped.Reason);
        Assert.Equal("NO asks at ≤ 0.40 hold 59 USDC < minimum 100 USDC", skipped.Detail);
    }

    [Fact]
    public void Generate_DepthExactlyAtMinimum_Signals()
    {
        var market = Row("7", "70");

        var result = Strategy(new ThresholdStrategyOptions { MinBookDepth = (0.39m * 100m) + (0.40m * 100m) }).Generate(Context([market], TwoSided(market, 0.61m, 0.63m, size: 100m)));

        Assert.Single(result.Signals);
    }

    [Theory]
    [InlineData(0.01, 0.955, 0.95)]
    [InlineData(0.001, 0.955, 0.955)]
    [InlineData(0.001, 0.9555, 0.955)]
    [InlineData(0.01, 0.95, 0.95)]
    public void Generate_MaxEntryPrice_IsRoundedDownToTheTick(decimal tick, decimal maxEntry, decimal limit)
    {
        var market = Row("7", "70", m => m with { TickSize = tick });

        var signal = Assert.Single(Strategy(new ThresholdStrategyOptions { MaxEntryPrice = maxEntry }).Generate(Context([market], TwoSided(market, 0.61m, 0.63m))).Signals);

        Assert.Equal(limit, signal.LimitPrice.Value);
    }

    [Fact]
    public void Generate_SameMarketLaterTheSameDay_GivesTheSameSignalId_NextDayAnother()
    {
        var market = Row("7", "70");
        var quotes = TwoSided(market, 0.61m, 0.63m);
        var strategy = Strategy();

        var morning = Assert.Single(strategy.Generate(Context([market], quotes, now: new DateTimeOffset(2026, 11, 25, 0, 0, 1, TimeSpan.Zero))).Signals);
        var evening = Assert.Single(strategy.Generate(Context([market], quotes, now: new DateTimeOffset(2026, 11, 25, 23, 59, 59, TimeSpan.Zero))).Signals);
        var nextDay = Assert.Single(strategy.Generate(Context([market], quotes, now: new DateTimeOffset(2026, 11, 26, 0, 0, 0, TimeSpan.Zero))).Signals);
        var localLate = Assert.Single(strategy.Generate(Context([market], quotes, now: new DateTimeOffset(2026, 11, 26, 1, 0, 0, TimeSpan.FromHours(3)))).Signals);

        Assert.Equal(morning.SignalId, evening.SignalId);
        Assert.Equal(SignalId.Create("20261126-70-buy_no"), nextDay.SignalId);
        Assert.Equal(morning.SignalId, localLate.SignalId);
    }

    [Fact]
    public void Generate_TeamOutcomes_ReasonNamesTheOutcomeBought()
    {
        var market = Row("7", "70", m => m with { Outcomes = ["Lakers", "Celtics"] });
        var quotes = TwoSided(market, 0.61m, 0.63m);
        quotes[1] = quotes[1] with { Outcome = "Celtics" };

        var signal = Assert.Single(Strategy().Generate(Context([market], quotes)).Signals);

        Assert.Equal("Celtics", signal.Outcome);
        Assert.Contains("buy NO (Celtics) at ≤ 0.95", signal.Reason, StringComparison.Ordinal);
    }
}
