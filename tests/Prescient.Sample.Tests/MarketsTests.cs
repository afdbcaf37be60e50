using System.Net;
using System.Text.Json.Nodes;

namespace Prescient.Sample.Tests;

public sealed class MarketsTests
{
    [Fact]
    public async Task MarketsKeyset_Walk_ReturnsEveryOpenMarketOnceWithParentEvent()
    {
        await using var harness = await SampleHarness.StartAsync();

        var markets = await Paging.WalkAsync(harness, "markets/keyset", "limit=100&closed=false", "markets");

        var expected = harness.Server.Universe.EventsAt(harness.Now)
            .SelectMany(e => e.Markets.Where(m => !m.Closed).Select(m => (m.MarketId, e.EventId))).ToList();
        Assert.Equal(expected.Select(x => x.MarketId), markets.Select(Paging.Id));
        Assert.Equal(expected.Select(x => x.EventId), markets.Select(m => Paging.Id(m["events"]!.AsArray().Single()!.AsObject())));
        Assert.All(markets, m => Assert.False(m["events"]![0]!.AsObject().ContainsKey("markets")));
    }

    [Fact]
    public async Task MarketsKeyset_ClosedTrue_ReturnsOnlyResolvedMarkets()
    {
        await using var harness = await SampleHarness.StartAsync();

        var page = (await harness.GetJsonAsync("markets/keyset?limit=100&closed=true"))["markets"]!.AsArray();

        Assert.Equal(100, page.Count);
        Assert.All(page, m => Assert.True(m!["closed"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task MarketById_GammaAndClob_DescribeTheSameMarket()
    {
        await using var harness = await SampleHarness.StartAsync();
        var market = harness.Server.Universe.EventsAt(harness.Now).SelectMany(e => e.Markets).First(m => m.NegRisk && !m.Closed);

        var gamma = (await harness.GetJsonAsync("markets/" + market.MarketId)).AsObject();
        var clob = (await harness.GetJsonAsync("markets/" + market.ConditionId)).AsObject();

        Assert.Equal(market.ConditionId, gamma["conditionId"]!.GetValue<string>());
        Assert.Equal(market.ConditionId, clob["condition_id"]!.GetValue<string>());
        Assert.Equal(gamma["questionID"]!.GetValue<string>(), clob["question_id"]!.GetValue<string>());
        Assert.Equal(Paging.EncodedArray(gamma["clobTokenIds"]), clob["tokens"]!.AsArray().Select(t => t!["token_id"]!.GetValue<string>()));
        Assert.True(clob["neg_risk"]!.GetValue<bool>());
        Assert.Equal(gamma["negRiskMarketID"]!.GetValue<string>(), clob["neg_risk_market_id"]!.GetValue<string>());
        Assert.Equal(market.TickSize, clob["minimum_tick_size"]!.GetValue<decimal>());
        Assert.Equal(market.AcceptingOrders, clob["accepting_orders"]!.GetValue<bool>());
        Assert.All(clob["tokens"]!.AsArray(), t => Assert.False(t!["winner"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task MarketById_Unknown_Returns404InEachApiStyle()
    {
        await using var harness = await SampleHarness.StartAsync();

        using var gamma = await harness.Http.GetAsync(new Uri("markets/12", UriKind.Relative));
        using var clob = await harness.Http.GetAsync(new Uri("markets/0x" + new string('0', 64), UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, gamma.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, clob.StatusCode);
        Assert.Equal("market not found", JsonNode.Parse(await clob.Content.ReadAsStringAsync())!["error"]!.GetValue<string>());
    }
}
