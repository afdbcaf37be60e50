using Prescient.Domain.Ids;
using Prescient.Polymarket.Clob;
using Prescient.Polymarket.Tests.Server;
using Prescient.Testing;

namespace Prescient.Polymarket.Tests.Clob;

public sealed class ClobMarketParserTests
{
    [Fact]
    public void Parse_ResolvedMarket_FindsTheNoWinner()
    {
        var info = ClobMarketParser.Parse(FixtureData.Object("clob/clob_market_resolved_tokens_winner.json")).Value!;

        Assert.Equal(ConditionId.Create("0x8ccc3f4951ff02c1d34b87988752b4444ad17228732780a6cf22afefe8478bb6"), info.ConditionId);
        Assert.True(info.Closed);
        Assert.False(info.AcceptingOrders);
        Assert.False(info.EnableOrderBook);
        Assert.Equal(0.001m, info.MinimumTickSize);
        Assert.Equal(5m, info.MinimumOrderSize);
        Assert.False(info.NegRisk);
        Assert.Null(info.NegRiskMarketId);
        Assert.Equal(new DateTimeOffset(2028, 1, 1, 0, 0, 0, TimeSpan.Zero), info.EndDate);
        Assert.Equal(2, info.Tokens.Count);
        Assert.Equal(
            new ClobToken(TokenId.Create("89711174926330519158043401581181146613785179104141808554061413232025882707365"), "No", 1m, true),
            info.Winner);
        Assert.Equal(new ClobToken(TokenId.Create("108872296183993054938831082799825620165440189659433018108548854929333464287226"), "Yes", 0m, false), info.Tokens[0]);
    }

    [Fact]
    public void Parse_ClosedAcceptingOrders_FindsTheYesWinner()
    {
        var info = ClobMarketParser.Parse(FixtureData.Object("clob/clob_market_closed_accepting_orders_true.json")).Value!;

        Assert.True(info.Closed);
        Assert.True(info.AcceptingOrders);
        Assert.Equal(0.01m, info.MinimumTickSize);
        Assert.Equal("Yes", info.Winner!.Outcome);
        Assert.Equal("22978793223071892222859460592277435458011604214087068523744633723809814935807", info.Winner.TokenId.Value);
        Assert.Equal("0x52e264bc16a4a0dd202f521e97a3476aea56d1c6120077db1fb9aca2caf7797c", info.QuestionId);
    }

    [Fact]
    public void Parse_2024MarketsPage_MapsAllHundredAndDropsPlaceholderTokens()
    {
        var page = Fixtures.Json("clob/clob_markets_page_2024.json")["data"]!.AsArray();

        var markets = page.Select(m => ClobMarketParser.Parse(m!.AsObject()).Value!).ToArray();

        Assert.Equal(100, markets.Length);
        Assert.Equal(24, markets.Count(m => m.Winner is not null));
        Assert.Single(markets, m => m.Tokens.Count == 0);
        Assert.Equal("80085489243215790077454313513728486445319747473476157602131800551595373270758", markets[0].Winner!.TokenId.Value);
        Assert.Equal("[Single Market] Will Ron DeSantis win the U.S. 2024 Republican presidential nomination?", markets[0].Question);
    }

    [Fact]
    public void Parse_WithoutConditionId_ReturnsFailure() =>
        Assert.Equal(
            "CLOB market without a condition_id",
            ClobMarketParser.Parse(System.Text.Json.Nodes.JsonNode.Parse("""{"tokens":[]}""")!.AsObject()).Error);
}
