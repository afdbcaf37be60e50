using System.Net;
using System.Text.Json.Nodes;
using Prescient.Storage.Files;

namespace Prescient.Host.Tests;

/// <summary>The strategy and paper-trading routes through the real HTTP pipeline, on the sample market.</summary>
public sealed class TradingApiTests : IAsyncLifetime
{
    private ApiFixture _api = null!;

    private DataFolder Folder => new(_api.DataDirectory);

    public async Task InitializeAsync() => _api = await ApiFixture.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task SignalsThenExecute_TradesServesAndExportsEverything()
    {
        await _api.PostJsonAsync("/events/refresh-all-exports");
        await _api.PostJsonAsync("/markets/refresh");

        var generated = await _api.PostJsonAsync("/strategy/generate-signals");
        var signals = (int)generated["signals"]!;
        Assert.True(signals > 0);
        var current = await _api.GetJsonAsync("/strategy/current-signals");
        Assert.Equal(signals, (int)current["count"]!);

        var executed = await _api.PostJsonAsync("/paper-trading/execute-signals");
        var trades = executed["trades"]!.AsArray();
        Assert.NotEmpty(trades);
        Assert.All(trades, t => Assert.Equal("buy", (string?)t!["kind"]));
        var portfolio = await _api.GetJsonAsync("/paper-trading/portfolio");
        Assert.Equal(trades.Count, (int)portfolio["trade_count"]!);
        Assert.Equal((decimal)trades[^1]!["cash_after"]!, (decimal)portfolio["cash"]!);
        var ledger = JsonNode.Parse(await _api.GetTextAsync("/paper-trading/trades"))!.AsArray();
        Assert.Equal(trades.Count, ledger.Count);

        foreach (var (path, file) in new[]
        {
            ("/strategy/export-signals-csv", "signals_current.csv"),
            ("/paper-trading/export-trades-csv", "trades_summary.csv"),
            ("/paper-trading/export-portfolio-csv", "positions_current.csv"),
        })
        {
            var export = await _api.PostJsonAsync(path);
            Assert.EndsWith(file, (string)export["files"]![0]!, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ConcurrentExecutions_TradeEachSignalOnce()
    {
        await _api.PostJsonAsync("/events/refresh-all-exports");
        await _api.PostJsonAsync("/markets/refresh");
        await _api.PostJsonAsync("/strategy/generate-signals");

        var responses = await Task.WhenAll(Enumerable.Range(0, 4)
            .Select(_ => _api.Client.PostAsync(new Uri("/paper-trading/execute-signals", UriKind.Relative), null)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var tradesPerCall = new List<int>();
        foreach (var response in responses)
        {
            tradesPerCall.Add(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["trades"]!.AsArray().Count);
            response.Dispose();
        }

        Assert.Equal(3, tradesPerCall.Count(n => n == 0));
        var ledger = JsonNode.Parse(await File.ReadAllTextAsync(Folder.PaperTrades))!.AsArray();
        Assert.Equal(tradesPerCall.Sum(), ledger.Count);
        Assert.Equal(ledger.Count, ledger.Select(t => (string?)t!["signal_id"]).Distinct().Count());
    }

    [Theory]
    [InlineData("/strategy/generate-signals", "prescient refresh")]
    [InlineData("/paper-trading/execute-signals", "prescient signals")]
    public async Task Post_BeforeItsPrerequisite_Is409AndWritesNothing(string path, string hint)
    {
        using var response = await _api.Client.PostAsync(new Uri(path, UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(hint, (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["detail"]!, StringComparison.Ordinal);
        Assert.False(File.Exists(Folder.CurrentSignals));
        Assert.False(File.Exists(Folder.Portfolio));
    }

    [Fact]
    public async Task Portfolio_BeforeAnyTrade_IsTheInitialCash()
    {
        var portfolio = await _api.GetJsonAsync("/paper-trading/portfolio");

        Assert.Equal(10_000m, (decimal)portfolio["cash"]!);
        Assert.Equal(10_000m, (decimal)portfolio["equity"]!);
        Assert.Empty(portfolio["positions"]!.AsArray());
    }

    [Theory]
    [InlineData("/strategy/current-signals")]
    [InlineData("/paper-trading/trades")]
    public async Task Get_BeforeItIsWritten_Is404ProblemDetails(string path)
    {
        Assert.Equal(HttpStatusCode.NotFound, await _api.GetProblemAsync(path));
    }

    [Theory]
    [InlineData("GET", "/strategy/generate-signals")]
    [InlineData("GET", "/paper-trading/execute-signals")]
    [InlineData("POST", "/paper-trading/portfolio")]
    [InlineData("PUT", "/paper-trading/trades")]
    public async Task WrongMethod_Is405AndChangesNothing(string method, string path)
    {
        Assert.Equal(HttpStatusCode.MethodNotAllowed, await _api.SendAsync(method, path));
        Assert.False(File.Exists(Folder.CurrentSignals));
        Assert.False(File.Exists(Folder.PaperTrades));
    }

    [Fact]
    public async Task OpenApiDocument_ListsTheTradingRoutes()
    {
        var doc = await _api.GetJsonAsync("/openapi/v1.json");
        var paths = doc["paths"]!.AsObject().Select(p => p.Key).ToHashSet();

        Assert.Superset(
            new HashSet<string>
            {
                "/strategy/generate-signals", "/strategy/current-signals", "/strategy/export-signals-csv",
                "/paper-trading/execute-signals", "/paper-trading/portfolio", "/paper-trading/trades",
                "/paper-trading/export-trades-csv", "/paper-trading/export-portfolio-csv",
            },
            paths);
    }
}
