using System.Net;
using System.Text.Json.Nodes;
using Prescient.Host.Security;

namespace Prescient.Host.Tests.Dashboard;

/// <summary>The dashboard's page, snapshot and trade filters through the real HTTP pipeline, after a cycle on the sample market.</summary>
public sealed class DashboardApiTests : IAsyncLifetime
{
    private ApiFixture _api = null!;

    public async Task InitializeAsync()
    {
        _api = await ApiFixture.StartAsync();
        await _api.PostJsonAsync("/trading/run-full-cycle");
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task Snapshot_AfterACycle_AgreesWithThePortfolioAndTheLedger()
    {
        var snapshot = await _api.GetJsonAsync("/api/dashboard");
        var portfolio = await _api.GetJsonAsync("/paper-trading/portfolio");
        var ledger = JsonNode.Parse(await _api.GetTextAsync("/paper-trading/trades"))!.AsArray();

        var overview = snapshot["overview"]!;
        Assert.Equal((decimal)portfolio["equity"]!, (decimal)overview["equity"]!);
        Assert.Equal((decimal)portfolio["cash"]!, (decimal)overview["cash"]!);
        Assert.Equal("simulated", (string?)snapshot["source"]!["label"]);
        Assert.Equal((decimal)portfolio["equity"]!, (decimal)snapshot["equity_curve"]!.AsArray()[^1]!["equity"]!);

        var trades = snapshot["trades"]!;
        Assert.Equal(ledger.Count, (int)trades["total"]!);
        Assert.Equal(
            ledger.Select(t => (string?)t!["trade_id"]).Reverse().Take(trades["items"]!.AsArray().Count),
            trades["items"]!.AsArray().Select(t => (string?)t!["trade_id"]));

        var legs = snapshot["positions"]!["groups"]!.AsArray().SelectMany(g => g!["legs"]!.AsArray()).ToArray();
        Assert.Equal(portfolio["positions"]!.AsArray().Count, legs.Length);
        Assert.All(snapshot["positions"]!["groups"]!.AsArray(), g =>
            Assert.Equal(g!["legs"]!.AsArray().Sum(l => (decimal)l!["cost_basis"]!), (decimal)g["exposure"]!));

        var signals = snapshot["signals"]!["items"]!.AsArray();
        Assert.NotEmpty(signals);
        Assert.Contains(signals, s => (bool)s!["executed"]!);
        Assert.NotEmpty(snapshot["markets"]!["items"]!.AsArray());
        Assert.True((bool)snapshot["runs"]!["last_cycle"]!["succeeded"]!);
        Assert.Null(snapshot["runs"]!["running"]);
    }

    [Fact]
    public async Task Trades_Filtered_ByKindMarketAndDays()
    {
        var all = (await _api.GetJsonAsync("/api/dashboard/trades?limit=5000"))["items"]!.AsArray();
        var market = (string)all[0]!["market_id"]!;
        var today = ((string)all[0]!["executed_at"]!)[..10];

        var buys = await _api.GetJsonAsync("/api/dashboard/trades?kind=buy");
        Assert.All(buys["items"]!.AsArray(), t => Assert.Equal("buy", (string?)t!["kind"]));
        Assert.Equal(all.Count(t => (string?)t!["kind"] == "buy"), (int)buys["total"]!);

        var one = await _api.GetJsonAsync($"/api/dashboard/trades?market={market}");
        Assert.All(one["items"]!.AsArray(), t => Assert.Equal(market, (string?)t!["market_id"]));
        Assert.Equal(all.Count(t => (string?)t!["market_id"] == market), (int)one["total"]!);

        Assert.Equal(all.Count, (int)(await _api.GetJsonAsync($"/api/dashboard/trades?from={today}&to={today}"))["total"]!);
        Assert.Equal(0, (int)(await _api.GetJsonAsync("/api/dashboard/trades?from=2999-01-01"))["total"]!);
        Assert.Single((await _api.GetJsonAsync("/api/dashboard/trades?limit=1"))["items"]!.AsArray());
    }

    [Theory]
    [InlineData("kind=bogus")]
    [InlineData("kind=7")]
    [InlineData("from=yesterday")]
    [InlineData("to=2026-13-01")]
    [InlineData("limit=0")]
    [InlineData("limit=5001")]
    public async Task Trades_BadFilter_400ProblemDetails(string query) =>
        Assert.Equal(HttpStatusCode.BadRequest, await _api.GetProblemAsync("/api/dashboard/trades?" + query));

    [Fact]
    public async Task Page_ServedAtTheRoot_WithTheContentSecurityPolicy()
    {
        using var page = await _api.Client.GetAsync(new Uri("/", UriKind.Relative));
        page.EnsureSuccessStatusCode();
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Equal(SecurityHeaders.DashboardPolicy, page.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("data-testid=\"trades-table\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var reference = await _api.Client.GetAsync(new Uri("/scalar/", UriKind.Relative));
        Assert.Equal(SecurityHeaders.ReferencePolicy, reference.Headers.GetValues("Content-Security-Policy").Single());
    }
}
