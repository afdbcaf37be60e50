using System.Text.Json.Nodes;
using Prescient.Host.Feed;
using Prescient.Host.Tests.Dashboard;

namespace Prescient.Host.Tests.Feed;

/// <summary><c>serve</c> with the live feed and its intraday mode on, against the in-process sample market's channel on loopback.</summary>
public sealed class IntradayTests : IAsyncLifetime
{
    private ApiFixture _api = null!;
    private HubListener _hub = null!;

    public async Task InitializeAsync()
    {
        _api = await ApiFixture.StartAsync(new Dictionary<string, string?>
        {
            ["Feed:Enabled"] = "true",
            ["Intraday:Enabled"] = "true",
            ["Intraday:MinInterval"] = "00:00:00.5",
        });
        _hub = await HubListener.ConnectAsync(_api.BaseAddress);
    }

    public async Task DisposeAsync()
    {
        await _hub.DisposeAsync();
        await _api.DisposeAsync();
    }

    [Fact]
    public async Task QuotedMarketsAreTradedOnTheirLiveBooks_AndTheCycleDoesNotBuyThemAgain()
    {
        // Quotes alone, no signals and no execution: the feed watches the quoted tokens, and the
        // strategy, run on their live books as they arrive, buys what it would buy in the cycle.
        await _api.PostJsonAsync("/events/export-markets-json");
        await _api.PostJsonAsync("/markets/refresh");
        await _hub.WaitForChangeAsync(IntradayMode.Cause, _api.DataDirectory);

        var intraday = Buys(await LedgerAsync());
        Assert.NotEmpty(intraday);
        AssertOncePerSignalAndMarket(intraday);
        var activity = (await _api.GetJsonAsync("/trading/status"))["feed"]!["intraday"]!;
        Assert.True((long)activity["trades"]! >= intraday.Count);
        Assert.NotNull((string?)activity["last_trade_at"]);

        // The morning cycle makes the same day's signals: the ones the intraday mode executed are not executed twice.
        await _api.PostJsonAsync("/trading/run-full-cycle");
        var all = Buys(await LedgerAsync());
        AssertOncePerSignalAndMarket(all);
        Assert.All(intraday, t => Assert.Contains(all, a => (string?)a["trade_id"] == (string?)t["trade_id"]));
    }

    private async Task<JsonArray> LedgerAsync() => JsonNode.Parse(await _api.GetTextAsync("/paper-trading/trades"))!.AsArray();

    private static List<JsonNode> Buys(JsonArray ledger) => ledger.Where(t => (string?)t!["kind"] == "buy").Select(t => t!).ToList();

    private static void AssertOncePerSignalAndMarket(List<JsonNode> buys)
    {
        Assert.Equal(buys.Count, buys.Select(t => (string?)t["signal_id"]).Distinct().Count());
        Assert.Equal(buys.Count, buys.Select(t => (string?)t["market_id"]).Distinct().Count());
    }
}
