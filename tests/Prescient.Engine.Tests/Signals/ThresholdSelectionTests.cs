using Prescient.Domain.Ids;
using Prescient.Engine.Extraction;
using Prescient.Engine.Quotes;
using Prescient.Engine.Signals;
using static Prescient.Engine.Tests.Signals.SignalsData;

namespace Prescient.Engine.Tests.Signals;

public sealed class ThresholdSelectionTests
{
    /// <summary>Four signalling markets of one event; each rule prefers a different one.</summary>
    private static readonly MarketRow[] Ladder =
    [
        Row("7", "71", m => m with { Liquidity = 9_000m, Volume = 10_000m, Volume24h = 100m, EndDate = Now.AddDays(40) }),
        Row("7", "72", m => m with { Liquidity = 1_000m, Volume = 90_000m, Volume24h = 200m, EndDate = Now.AddDays(30) }),
        Row("7", "73", m => m with { Liquidity = 2_000m, Volume = 20_000m, Volume24h = 900m, EndDate = Now.AddDays(20) }),
        Row("7", "74", m => m with { Liquidity = 3_000m, Volume = 30_000m, Volume24h = 300m, EndDate = Now.AddDays(2) }),
    ];

    [Theory]
    [InlineData(MarketSelectionRule.HighestLiquidity, "71")]
    [InlineData(MarketSelectionRule.HighestVolume, "72")]
    [InlineData(MarketSelectionRule.HighestVolume24h, "73")]
    [InlineData(MarketSelectionRule.SoonestEnd, "74")]
    public void Generate_EachSelectionRule_SignalsItsFavouriteAndReportsTheRestNotSelected(MarketSelectionRule rule, string selected)
    {
        var result = Strategy(new ThresholdStrategyOptions { Selection = rule }).Generate(Context(Ladder, Ladder.SelectMany(m => TwoSided(m, 0.61m, 0.63m))));

        Assert.Equal(MarketId.Create(selected), Assert.Single(result.Signals).MarketId);
        Assert.Equal(3, result.Skipped.Count);
        Assert.All(result.Skipped, s => Assert.Equal(SkipReason.NotSelected, s.Reason));
        Assert.All(result.Skipped, s => Assert.Contains($"selected {selected} (", s.Detail, StringComparison.Ordinal));
    }

    [Fact]
    public void Generate_NotSelected_DetailGivesRankAndTheNumbers()
    {
        var result = Strategy().Generate(Context(Ladder, Ladder.SelectMany(m => TwoSided(m, 0.61m, 0.63m))));

        var skipped = result.Skipped.Single(s => s.MarketId == MarketId.Create("73"));
        Assert.Equal("ranked 3 of 4 by highest_liquidity (liquidity 2000 USDC); selected 71 (liquidity 9000 USDC)", skipped.Detail);
    }

    [Fact]
    public void Generate_SoonestEndNotSelected_DetailGivesTheDates()
    {
        var result = Strategy(new ThresholdStrategyOptions { Selection = MarketSelectionRule.SoonestEnd }).Generate(Context(Ladder, Ladder.SelectMany(m => TwoSided(m, 0.61m, 0.63m))));

        var skipped = result.Skipped.Single(s => s.MarketId == MarketId.Create("71"));
        Assert.Equal("ranked 4 of 4 by soonest_end (ends 2027-01-04T09:00:00Z); selected 74 (ends 2026-11-27T09:00:00Z)", skipped.Detail);
    }

    [Fact]
    public void Generate_EqualLiquidity_LowestMarketIdWins()
    {
        var a = Row("7", "75");
        var b = Row("7", "76");

        var result = Strategy().Generate(Context([b, a], [.. TwoSided(b, 0.61m, 0.63m), .. TwoSided(a, 0.61m, 0.63m)]));

        Assert.Equal(a.MarketId, Assert.Single(result.Signals).MarketId);
        Assert.Equal((b.MarketId, SkipReason.NotSelected), (Assert.Single(result.Skipped).MarketId, result.Skipped[0].Reason));
    }

    [Fact]
    public void Generate_MissingLiquidity_RanksLast()
    {
        var unknown = Row("7", "75", m => m with { Liquidity = null });
        var thin = Row("7", "76", m => m with { Liquidity = 1m });

        var result = Strategy().Generate(Context([unknown, thin], [.. TwoSided(unknown, 0.61m, 0.63m), .. TwoSided(thin, 0.61m, 0.63m)]));

        Assert.Equal(thin.MarketId, Assert.Single(result.Signals).MarketId);
        Assert.Contains("(no liquidity)", result.Skipped[0].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_TwoMarketsPerEvent_SignalsTheTopTwo()
    {
        var result = Strategy(new ThresholdStrategyOptions { MarketsPerEvent = 2 }).Generate(Context(Ladder, Ladder.SelectMany(m => TwoSided(m, 0.61m, 0.63m))));

        Assert.Equal(["71", "74"], result.Signals.Select(s => s.MarketId.Value));
        Assert.Equal(["72", "73"], result.Skipped.Select(s => s.MarketId.Value));
        Assert.EndsWith("selected 71 (liquidity 9000 USDC), 74 (liquidity 3000 USDC)", result.Skipped[0].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_SelectedMarketBelowThreshold_DoesNotFallBackToTheNextOne()
    {
        var top = Row("7", "75", m => m with { Liquidity = 9_000m });
        var next = Row("7", "76", m => m with { Liquidity = 1_000m });

        var result = Strategy().Generate(Context([top, next], [.. TwoSided(top, 0.40m, 0.42m), .. TwoSided(next, 0.61m, 0.63m)]));

        Assert.Empty(result.Signals);
        Assert.Equal([SkipReason.BelowThreshold, SkipReason.NotSelected], result.Skipped.Select(s => s.Reason));
    }

    [Fact]
    public void Generate_NonCandidates_AreReportedWithTheirReasonAndNeverSelected()
    {
        var closed = Row("7", "71", m => m with { Liquidity = 99_000m, Closed = true, AcceptingOrders = false });
        var paused = Row("7", "72", m => m with { Liquidity = 98_000m, AcceptingOrders = false });
        var noBookFlag = Row("7", "73", m => m with { Liquidity = 97_000m, EnableOrderBook = false });
        var single = Row("7", "74", m => m with { Liquidity = 96_000m, NoTokenId = null });
        var noNoBook = Row("7", "75", m => m with { Liquidity = 95_000m });
        var unquoted = Row("7", "76", m => m with { Liquidity = 94_000m });
        var good = Row("7", "77", m => m with { Liquidity = 1_000m });
        var quotes = new List<TokenQuote>(TwoSided(good, 0.61m, 0.63m))
        {
            TwoSided(noNoBook, 0.61m, 0.63m)[0],
            No(noNoBook, null),
        };

        var result = Strategy().Generate(Context([closed, paused, noBookFlag, single, noNoBook, unquoted, good], quotes));

        Assert.Equal(good.MarketId, Assert.Single(result.Signals).MarketId);
        Assert.Equal(
            [
                ("71", SkipReason.NotTradeable, "closed, not accepting orders"),
                ("72", SkipReason.NotTradeable, "not accepting orders"),
                ("73", SkipReason.NotTradeable, "order book disabled"),
                ("74", SkipReason.NotTradeable, "not a binary market with YES and NO tokens"),
                ("75", SkipReason.NoBook, $"no book for the NO token {noNoBook.NoTokenId}"),
                ("76", SkipReason.NoBook, $"no quote for the YES token {unquoted.YesTokenId}; no quote for the NO token {unquoted.NoTokenId}"),
            ],
            result.Skipped.Select(s => (s.MarketId.Value, s.Reason, s.Detail)));
    }

    [Fact]
    public void Generate_ManyEventsInAnyOrder_ComeOutByEventIdThenMarketId()
    {
        var markets = new[] { Row("9", "92"), Row("3", "31"), Row("5", "52", m => m with { Liquidity = 1m }), Row("5", "51") };

        var result = Strategy(new ThresholdStrategyOptions { MarketsPerEvent = 2 }).Generate(Context(markets, markets.SelectMany(m => TwoSided(m, 0.61m, 0.63m))));

        Assert.Equal(["31", "51", "52", "92"], result.Signals.Select(s => s.MarketId.Value));
    }

    [Fact]
    public void Generate_NoMarkets_IsEmpty()
    {
        var result = Strategy().Generate(Context([], []));

        Assert.Empty(result.Signals);
        Assert.Empty(result.Skipped);
    }
}
