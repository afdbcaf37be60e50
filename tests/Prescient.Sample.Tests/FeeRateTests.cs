using System.Net;
using System.Text.Json.Nodes;
using Prescient.Sample.Server;

namespace Prescient.Sample.Tests;

public sealed class FeeRateTests
{
    [Fact]
    public async Task FeeRate_CryptoUpDownWithoutSchedule_Answers1000BpsByQueryAndByPath()
    {
        await using var harness = await SampleHarness.StartAsync();
        var charged = harness.Server.Universe.EventsAt(harness.Now).SelectMany(e => e.Markets).Where(m => m.FeesEnabled).ToList();
        JsonObject? crypto = null;
        foreach (var market in charged)
        {
            var gamma = (await harness.GetJsonAsync("markets/" + market.MarketId)).AsObject();
            if (gamma["feeSchedule"] is null)
            {
                crypto = gamma;
                break;
            }
        }

        Assert.NotNull(crypto);
        var tokens = JsonNode.Parse((string)crypto["clobTokenIds"]!)!.AsArray().Select(t => (string)t!).ToArray();
        var byQuery = await harness.GetJsonAsync("fee-rate?token_id=" + tokens[0]);
        var byPath = await harness.GetJsonAsync("fee-rate/" + tokens[1]);

        Assert.Equal("""{"base_fee":1000}""", byQuery.ToJsonString());
        Assert.Equal("""{"base_fee":1000}""", byPath.ToJsonString());
        Assert.True((bool)crypto["feesEnabled"]!);
        Assert.Equal(1, harness.Server.Stats.Requests(SampleRoutes.FeeRate));
        Assert.Equal(1, harness.Server.Stats.Requests(SampleRoutes.FeeRateByPath));
    }

    [Fact]
    public async Task FeeRate_EveryKindOfMarket_AgreesWithTheGroundTruthAndTheClobMarket()
    {
        await using var harness = await SampleHarness.StartAsync();
        var all = harness.Server.Universe.EventsAt(harness.Now).SelectMany(e => e.Markets).ToList();
        var markets = all.Where(m => m.FeesEnabled).Take(8).Concat(all.Where(m => !m.FeesEnabled).Take(8)).ToList();

        foreach (var market in markets)
        {
            var yes = await harness.GetJsonAsync("fee-rate?token_id=" + market.YesTokenId);
            var no = await harness.GetJsonAsync("fee-rate/" + market.NoTokenId);
            var clob = await harness.GetJsonAsync("markets/" + market.ConditionId);

            Assert.Equal(market.FeesEnabled ? 1000 : 0, market.BaseFeeBps);
            Assert.Equal(market.BaseFeeBps, (int)yes["base_fee"]!);
            Assert.Equal(market.BaseFeeBps, (int)no["base_fee"]!);
            Assert.Equal(market.BaseFeeBps, (int)clob["taker_base_fee"]!);
        }

        Assert.Contains(markets, m => m.BaseFeeBps == 0);
        Assert.Contains(markets, m => m.BaseFeeBps == 1000);
    }

    [Theory]
    [InlineData("fee-rate?token_id=1234567890123456789", HttpStatusCode.NotFound, "market not found")]
    [InlineData("fee-rate/1234567890123456789", HttpStatusCode.NotFound, "market not found")]
    [InlineData("fee-rate?token_id=0xabc", HttpStatusCode.BadRequest, "Invalid token id")]
    [InlineData("fee-rate", HttpStatusCode.BadRequest, "Invalid token id")]
    public async Task FeeRate_UnknownOrInvalidToken_IsAClobError(string path, HttpStatusCode status, string error)
    {
        await using var harness = await SampleHarness.StartAsync();

        using var response = await harness.Http.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(error, (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!);
    }
}
