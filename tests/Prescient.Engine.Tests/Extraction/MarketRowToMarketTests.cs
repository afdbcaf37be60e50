using Prescient.Domain.Ids;
using Prescient.Domain.Markets;
using Prescient.Engine.Extraction;
using Prescient.Testing.Builders;

namespace Prescient.Engine.Tests.Extraction;

public sealed class MarketRowToMarketTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ToMarket_ExtractedRow_RoundTripsEveryFieldExecutionUses()
    {
        var fees = new FeeSettings { Enabled = true, Type = "sports_fees_v2", Rate = 0.03m, Exponent = 2m, MakerBaseFee = 0m, TakerBaseFee = 200m };
        var marketEvent = new EventBuilder(Now)
            .WithMarket(m => m.With(x => x with
            {
                Slug = "will-it",
                GroupItemTitle = "It",
                BestBid = 0.41m,
                BestAsk = 0.43m,
                Spread = 0.02m,
                LastTradePrice = 0.42m,
                Volume24h = 12m,
                EndDate = Now.AddDays(3),
                NegRisk = true,
                NegRiskMarketId = "0xabc",
                TickSize = 0.001m,
                MinOrderSize = 15m,
                Fees = fees,
                UmaResolutionStatus = "proposed",
            }))
            .Build();
        var original = marketEvent.Markets[0];

        var market = MarketExtractor.ToRow(marketEvent, original).ToMarket();

        Assert.Equal(original.Id, market.Id);
        Assert.Equal(original.EventId, market.EventId);
        Assert.Equal(original.ConditionId, market.ConditionId);
        Assert.Equal(original.Question, market.Question);
        Assert.Equal(original.Slug, market.Slug);
        Assert.Equal(original.GroupItemTitle, market.GroupItemTitle);
        Assert.Equal(original.Outcomes, market.Outcomes);
        Assert.Equal(original.Yes?.TokenId, market.Yes?.TokenId);
        Assert.Equal(original.No?.TokenId, market.No?.TokenId);
        Assert.Equal((original.BestBid, original.BestAsk, original.Spread, original.LastTradePrice), (market.BestBid, market.BestAsk, market.Spread, market.LastTradePrice));
        Assert.Equal((original.Liquidity, original.Volume, original.Volume24h, original.EndDate), (market.Liquidity, market.Volume, market.Volume24h, market.EndDate));
        Assert.Equal((original.Active, original.Closed, original.AcceptingOrders, original.EnableOrderBook), (market.Active, market.Closed, market.AcceptingOrders, market.EnableOrderBook));
        Assert.Equal((original.NegRisk, original.NegRiskMarketId, original.UmaResolutionStatus), (market.NegRisk, market.NegRiskMarketId, market.UmaResolutionStatus));
        Assert.Equal((original.TickSize, original.MinOrderSize), (market.TickSize, market.MinOrderSize));
        Assert.Equal(fees, market.Fees);
        Assert.True(market.IsBinary);
        Assert.True(market.IsTradeable);
    }

    [Fact]
    public void ToMarket_ClosedMarketWithFeesOff_KeepsTheFlagsAndNoFees()
    {
        var row = MarketRows.Binary("7", "70", Now) with { Closed = true, AcceptingOrders = false, FeeRate = 0.05m };

        var market = row.ToMarket();

        Assert.True(market.Closed);
        Assert.False(market.AcceptingOrders);
        Assert.False(market.IsTradeable);
        Assert.Same(FeeSettings.None, market.Fees);
    }

    [Fact]
    public void ToMarket_RowWithTokensButNoOutcomeNames_NamesThemYesAndNo()
    {
        var row = MarketRows.Binary("7", "71", Now) with { Outcomes = [], YesPrice = 0.3m, NoPrice = 0.7m };

        var market = row.ToMarket();

        Assert.Equal([new Outcome("Yes", row.YesTokenId, 0.3m), new Outcome("No", row.NoTokenId, 0.7m)], market.Outcomes);
    }

    [Fact]
    public void ToMarket_MultiOutcomeRow_KeepsTheNamesWithoutTokens()
    {
        var row = MarketRows.Binary("7", "72", Now) with { Outcomes = ["A", "B", "C"], YesTokenId = null, NoTokenId = null };

        var market = row.ToMarket();

        Assert.Equal(["A", "B", "C"], market.Outcomes.Select(o => o.Name));
        Assert.All(market.Outcomes, o => Assert.Null(o.TokenId));
        Assert.Null(market.Yes);
        Assert.Equal(MarketId.Create("72"), market.Id);
    }
}
