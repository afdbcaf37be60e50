using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Prescient.Storage.Files;

namespace Prescient.Host.Tests;

/// <summary>The /trading routes (full cycle, status) through the real HTTP pipeline, on the sample market.</summary>
public sealed class TradingEndpointTests : IAsyncLifetime
{
    private ApiFixture _api = null!;

    private DataFolder Folder => new(_api.DataDirectory);

    public async Task InitializeAsync() => _api = await ApiFixture.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task RunFullCycle_TwiceTheSameDay_SecondMakesNoTradeAndStatusShowsIt()
    {
        var first = await _api.PostJsonAsync("/trading/run-full-cycle");
        var ledgerAfterFirst = await File.ReadAllBytesAsync(Folder.PaperTrades);

        var second = await _api.PostJsonAsync("/trading/run-full-cycle");

        var trades = (int)first["trades"]!;
        Assert.True(trades > 0, "the sample market should give the first cycle something to trade");
        Assert.True((int)first["events_kept"]! > 0);
        Assert.Equal("sample", (string?)first["source"]!["name"]);
        Assert.Equal(0, (int)second["trades"]!);
        Assert.Equal(ledgerAfterFirst, await File.ReadAllBytesAsync(Folder.PaperTrades));
        Assert.Equal(trades, JsonNode.Parse(await File.ReadAllTextAsync(Folder.PaperTrades))!.AsArray().Count);
        Assert.Contains(Folder.Export("positions_current"), first["files"]!.AsArray().Select(f => (string?)f));

        var status = await _api.GetJsonAsync("/trading/status");
        var lastCycle = status["last_cycle"]!;
        Assert.True((bool)lastCycle["succeeded"]!);
        Assert.Equal((string?)second["summary"], (string?)lastCycle["summary"]);
        Assert.Null(status["last_end_of_day"]);
        Assert.Equal(trades, (int)status["portfolio"]!["trade_count"]!);
        Assert.Equal((decimal)second["equity"]!, (decimal)status["portfolio"]!["equity"]!);
        Assert.True((bool)status["source"]!["is_simulated"]!);
        var data = status["data"]!.AsArray();
        Assert.Equal(4, data.Count);
        Assert.All(data, f => Assert.NotNull((string?)f!["generated_at"]));
        Assert.False((bool)status["schedule"]!["enabled"]!);
        var runLog = JsonNode.Parse(await File.ReadAllTextAsync(Folder.RunLog))!.AsArray();
        Assert.Equal(["cycle", "cycle"], runLog.Select(r => (string?)r!["kind"]));
    }

    [Fact]
    public async Task RunFullCycle_ConcurrentCalls_OneRunsTheOthersAreRefused_NoSignalTradedTwice()
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, 3)
            .Select(_ => _api.Client.PostAsync(new Uri("/trading/run-full-cycle", UriKind.Relative), null)));

        // A call that meets a cycle going is refused (409, nothing run), never queued behind it.
        var tradesPerCall = new List<int>();
        foreach (var response in responses)
        {
            Assert.Contains(response.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict });
            if (response.StatusCode == HttpStatusCode.OK)
            {
                tradesPerCall.Add((int)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["trades"]!);
            }

            response.Dispose();
        }

        var ledger = JsonNode.Parse(await File.ReadAllTextAsync(Folder.PaperTrades))!.AsArray();
        Assert.True(ledger.Count > 0);
        Assert.NotEmpty(tradesPerCall);
        Assert.Equal(tradesPerCall.Sum(), ledger.Count);
        Assert.Equal(ledger.Count, ledger.Select(t => (string?)t!["signal_id"]).Distinct().Count());
        Assert.Equal(tradesPerCall.Count, JsonNode.Parse(await File.ReadAllTextAsync(Folder.RunLog))!.AsArray().Count);
    }

    [Fact]
    public async Task Status_FreshFolder_NothingRunYetAndTheInitialCash()
    {
        var status = await _api.GetJsonAsync("/trading/status");

        Assert.Null(status["last_cycle"]);
        Assert.Equal(10_000m, (decimal)status["portfolio"]!["equity"]!);
        Assert.Equal(0, (int)status["portfolio"]!["open_positions"]!);
        Assert.All(status["data"]!.AsArray(), f => Assert.Null(f!["generated_at"]));
        Assert.False(File.Exists(Folder.RunLog));
    }

    [Theory]
    [InlineData("GET", "/trading/run-full-cycle")]
    [InlineData("PUT", "/trading/run-full-cycle")]
    [InlineData("POST", "/trading/status")]
    [InlineData("DELETE", "/trading/status")]
    public async Task WrongMethod_Is405AndRunsNothing(string method, string path)
    {
        Assert.Equal(HttpStatusCode.MethodNotAllowed, await _api.SendAsync(method, path));
        Assert.False(File.Exists(Folder.RunLog));
        Assert.False(File.Exists(Folder.FilteredMarkets));
    }

    [Fact]
    public async Task OpenApi_ListsTheTradingRoutes()
    {
        var document = await _api.GetJsonAsync("/openapi/v1.json");

        Assert.NotNull(document["paths"]!["/trading/run-full-cycle"]!["post"]);
        Assert.NotNull(document["paths"]!["/trading/status"]!["get"]);
    }
}

/// <summary>Status while <c>serve</c> runs the schedule: the scheduler is active and plans the next 09:00 in its zone.</summary>
public sealed class ServedScheduleStatusTests : IAsyncLifetime
{
    private ApiFixture _api = null!;

    public async Task InitializeAsync() => _api = await ApiFixture.StartAsync(new Dictionary<string, string?>
    {
        ["Schedule:Enabled"] = "true",
        ["Schedule:TimeZone"] = "Asia/Tokyo",
        ["Schedule:CycleCron"] = "0 9 * * *",
    });

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task Status_Serving_SchedulerActiveWithTheNextCycleAt0900InItsZone()
    {
        var before = DateTimeOffset.UtcNow;

        var schedule = (await _api.GetJsonAsync("/trading/status"))["schedule"]!;

        Assert.True((bool)schedule["enabled"]!);
        Assert.True((bool)schedule["active"]!);
        Assert.Equal("Asia/Tokyo", (string?)schedule["time_zone"]);
        var cycle = schedule["next"]!.AsArray().Single(n => (string?)n!["kind"] == "cycle")!;
        var at = DateTimeOffset.Parse((string)cycle["at"]!, CultureInfo.InvariantCulture);
        var local = TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo"));
        Assert.Equal((9, 0), (local.Hour, local.Minute));
        Assert.InRange(at, before.AddDays(-1), before.AddDays(1));
    }
}
