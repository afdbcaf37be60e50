using System.Text.Json.Nodes;
using Prescient.Domain.Ids;
using Prescient.Domain.Markets;
using Prescient.Polymarket.Gamma;
using Prescient.Polymarket.Tests.Server;
using Prescient.Testing;

namespace Prescient.Polymarket.Tests.Gamma;

public sealed class GammaMarketParserTests
{
    private static readonly EventId Parent = EventId.Create("999");

    private static DateTimeOffset Utc(int y, int mo, int d, int h = 0, int mi = 0, int s = 0) => new(y, mo, d, h, mi, s, TimeSpan.Zero);

    private static Market Parse(string fixture, EventId? eventId = null)
    {
        var result = GammaMarketParser.Parse(FixtureData.Object(fixture).ToElement(), eventId);
        Assert.Null(result.Error);
        return result.Value!;
    }

    [Fact]
    public void Parse_SportsMoneyline_MapsFeeScheduleAndNestedEventId()
    {
        var m = Parse("gamma/market_sports_moneyline.json", Parent);

        Assert.Equal(EventId.Create("346898"), m.EventId);
        Assert.Equal(MarketId.Create("1878152"), m.Id);
        Assert.Equal(["FaZe", "illwill"], m.Outcomes.Select(o => o.Name));
        Assert.Equal("89972346417086440659189114668296975440208562769200022591480064439842896371398", m.Outcomes[0].TokenId!.Value.Value);
        Assert.Equal("90510951248295963583566830308208121966213462932425555585207203442852394431867", m.Outcomes[1].TokenId!.Value.Value);
        Assert.Equal(1m, m.Outcomes[0].Price);
        Assert.Equal(0m, m.Outcomes[1].Price);
        Assert.Equal(
            new FeeSettings
            {
                Enabled = true,
                Type = "sports_fees_v2",
                Rate = 0.03m,
                Exponent = 1m,
                RebateRate = 0.25m,
                TakerOnly = true,
                MakerBaseFee = 1000m,
                TakerBaseFee = 1000m,
            },
            m.Fees);
        Assert.Equal(26458.188064999995m, m.Volume);
        Assert.Null(m.Liquidity);
        Assert.Equal(Utc(2026, 4, 5, 19, 37, 33), m.ClosedTime);
        Assert.Equal(Utc(2026, 4, 5, 21, 10), m.EndDate);
        Assert.Equal(0.999m, m.BestBid);
        Assert.Equal(0.001m, m.TickSize);
    }

    [Fact]
    public void Parse_ResolvedNoWon_MapsResolutionAndMissingBestBid()
    {
        var m = Parse("gamma/market_resolved_binary_no_won.json", Parent);

        Assert.Equal(Parent, m.EventId);
        Assert.Equal(ConditionId.Create("0x8ccc3f4951ff02c1d34b87988752b4444ad17228732780a6cf22afefe8478bb6"), m.ConditionId);
        Assert.Equal("108872296183993054938831082799825620165440189659433018108548854929333464287226", m.Yes!.TokenId!.Value.Value);
        Assert.Equal(0m, m.Yes.Price);
        Assert.Equal(1m, m.No!.Price);
        Assert.True(m.Closed);
        Assert.False(m.AcceptingOrders);
        Assert.Null(m.BestBid);
        Assert.Null(m.Volume);
        Assert.Equal(0.001m, m.BestAsk);
        Assert.Equal("resolved", m.UmaResolutionStatus);
        Assert.Equal(Utc(2026, 3, 19, 23, 20, 15), m.ClosedTime);
    }

    [Fact]
    public void Parse_ClosedButAcceptingOrders_KeepsBothFlagsAndNullUmaStatus()
    {
        var m = Parse("gamma/market_closed_binary_accepting_orders_true.json", Parent);

        Assert.Equal("Russia x Ukraine ceasefire by end of 2027?", m.Question);
        Assert.True(m.Closed);
        Assert.True(m.AcceptingOrders);
        Assert.False(m.IsTradeable);
        Assert.Null(m.UmaResolutionStatus);
        Assert.Equal(1m, m.Yes!.Price);
        Assert.Equal(0.69m, m.BestBid);
        Assert.Equal(0.71m, m.BestAsk);
        Assert.Equal(192817.4904490008m, m.Volume);
        Assert.Equal("108268928354766371660560153450121076545199284531791348447523752861907448942629", m.No!.TokenId!.Value.Value);
    }

    [Fact]
    public void Parse_LegacyZeroZero_ReadsZeroPricesAndMissingFlagsAsFalse()
    {
        var m = Parse("gamma/market_closed_legacy_prices_0_0.json", Parent);

        Assert.Equal(MarketId.Create("12"), m.Id);
        Assert.Equal([0m, 0m], m.Outcomes.Select(o => o.Price!.Value));
        Assert.Equal(0m, m.BestBid);
        Assert.Equal(1m, m.BestAsk);
        Assert.Equal(1m, m.Spread);
        Assert.Equal(0m, m.Liquidity);
        Assert.Equal(32257.45m, m.Volume);
        Assert.False(m.AcceptingOrders);
        Assert.False(m.EnableOrderBook);
        Assert.False(m.NegRisk);
        Assert.Null(m.TickSize);
        Assert.Equal(Utc(2020, 11, 2, 16, 31, 1), m.ClosedTime);
        Assert.Equal("53135072462907880191400140706440867753044989936304433583131786753949599718775", m.Yes!.TokenId!.Value.Value);
    }

    [Fact]
    public void Parse_NonBinaryLegacy_KeepsLongShortOutcomesAndFractionalPrices()
    {
        var m = Parse("gamma/market_closed_nonbinary_legacy.json", Parent);

        Assert.Equal(["Long", "Short"], m.Outcomes.Select(o => o.Name));
        Assert.InRange(m.Outcomes[0].Price!.Value, 0.58433m, 0.58434m);
        Assert.InRange(m.Outcomes[1].Price!.Value, 0.41566m, 0.41567m);
        Assert.Equal(4.6m, m.Liquidity);
        Assert.Equal(46944.58m, m.Volume);
        Assert.Equal("1993578487229597591293755303341708890459187725728713215820133740213314514940", m.Outcomes[1].TokenId!.Value.Value);
    }

    [Fact]
    public void Parse_BtcUpDown_MapsCryptoFeesWithoutSchedule()
    {
        var m = Parse("gamma/market_btc_updown_5m_active.json");

        Assert.Equal(EventId.Create("260654"), m.EventId);
        Assert.Equal(["Up", "Down"], m.Outcomes.Select(o => o.Name));
        Assert.True(m.IsTradeable);
        Assert.True(m.Fees.Enabled);
        Assert.Equal("crypto_fees", m.Fees.Type);
        Assert.Null(m.Fees.Rate);
        Assert.Equal(1000m, m.Fees.TakerBaseFee);
        Assert.Equal(20328.3747m, m.Liquidity);
        Assert.Equal(9.999997m, m.Volume);
        Assert.Equal(0.5m, m.BestBid);
        Assert.Equal(0.51m, m.BestAsk);
    }

    [Fact]
    public void Parse_NegRiskDeportationPage_MapsAllFiveLegs()
    {
        var markets = Fixtures.Json("gamma/markets_active_negrisk_deportation_2026-02.json").AsArray()
            .Select(m => GammaMarketParser.Parse(m!.ToElement()).Value!).ToArray();

        Assert.Equal(5, markets.Length);
        Assert.All(markets, m => Assert.Equal(EventId.Create("16282"), m.EventId));
        Assert.All(markets, m => Assert.Equal("0xa69729ae3d9838ec5754e0f74bf57dedd5ddbecd9e31b15a04f48f081168ba00", m.NegRiskMarketId));
        Assert.Equal(0.054m, markets[0].Yes!.Price);
        Assert.Equal(0.05m, markets[0].BestBid);
        Assert.Equal(0.058m, markets[0].BestAsk);
        Assert.Equal(14945.68799m, markets[0].Liquidity);
    }

    [Fact]
    public void Parse_Legacy2020Page_MapsAllTen()
    {
        var markets = Fixtures.Json("gamma/markets_default_page_2020_legacy_resolved.json").AsArray()
            .Select(m => GammaMarketParser.Parse(m!.ToElement()).Value!).ToArray();

        Assert.Equal(10, markets.Length);
        Assert.Equal("12", markets[0].Id.Value);
        Assert.Equal(EventId.Create("4690"), markets[0].EventId);
        Assert.All(markets, m => Assert.True(m.Closed));
    }

    [Fact]
    public void Parse_Twenty2024Page_MapsAllWithoutBestBidKeys()
    {
        var markets = Fixtures.Json("gamma/markets_twenty_2024-07_with_nested_events.json").AsArray()
            .Select(m => GammaMarketParser.Parse(m!.ToElement()).Value!).ToArray();

        Assert.Equal(20, markets.Length);
        Assert.Equal(EventId.Create("11345"), markets[0].EventId);
        Assert.Equal(3172.79m, markets[0].Liquidity);
        Assert.Equal(0.12m, markets[0].Yes!.Price);
        Assert.All(markets, m => Assert.Null(m.BestBid));
        Assert.Equal(0m, markets[2].Fees.MakerBaseFee);
    }

    [Fact]
    public void Parse_RealArraysNullPricesAndNumberIds_AreTolerated()
    {
        var market = JsonNode.Parse("""
            {"id":516926,"conditionId":"0xabc","question":"Q?","outcomes":["Yes","No"],"outcomePrices":null,
             "clobTokenIds":["1","2"],"liquidity":"12.5","volume":7,"feesEnabled":"true","gameId":123,"unknown":{"x":[1]}}
            """)!.AsObject();

        var m = GammaMarketParser.Parse(market.ToElement(), Parent).Value!;

        Assert.Equal("516926", m.Id.Value);
        Assert.Equal([null, null], m.Outcomes.Select(o => o.Price));
        Assert.Equal("2", m.No!.TokenId!.Value.Value);
        Assert.Equal(12.5m, m.Liquidity);
        Assert.Equal(7m, m.Volume);
        Assert.True(m.Fees.Enabled);
    }

    [Theory]
    [InlineData("id", "market without an id")]
    [InlineData("conditionId", "market 1812085 has no conditionId")]
    [InlineData("question", "market 1812085 has no question")]
    public void Parse_MissingRequiredKey_ReturnsFailure(string key, string error)
    {
        var market = FixtureData.Object("gamma/market_closed_binary_accepting_orders_true.json");
        market.Remove(key);

        Assert.Equal(error, GammaMarketParser.Parse(market.ToElement(), Parent).Error);
    }

    [Fact]
    public void Parse_NoParentEventAnywhere_ReturnsFailure() =>
        Assert.Equal(
            "market 1812085 has no parent event id",
            GammaMarketParser.Parse(FixtureData.Object("gamma/market_closed_binary_accepting_orders_true.json").ToElement()).Error);
}
