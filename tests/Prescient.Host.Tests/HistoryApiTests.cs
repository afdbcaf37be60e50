using System.Net;
using System.Text.Json.Nodes;
using Prescient.Storage.Files;

namespace Prescient.Host.Tests;

/// <summary>End of day, export-all and performance through the real HTTP pipeline, on the sample market.</summary>
public sealed class HistoryApiTests : IAsyncLifetime
{
    private static readonly string[] AllExports =
    [
        "events_filtered.csv", "markets_extracted.csv", "markets_current.csv", "signals_current.csv",
        "trades_summary.csv", "portfolio_history.csv", "positions_current.csv", "performance_daily.csv",
    ];

    private ApiFixture _api = null!;

    private DataFolder Folder => new(_api.DataDirectory);

    public async Task InitializeAsync() => _api = await ApiFixture.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task EndOfDayTwice_AfterADayOfTrading_OneSnapshotEveryFileAndTheSecondCallWritesNothing()
    {
        await _api.PostJsonAsync("/events/refresh-all-exports");
        await _api.PostJsonAsync("/markets/refresh");
        var signals = (int)(await _api.PostJsonAsync("/strategy/generate-signals"))["signals"]!;
        var executed = await _api.PostJsonAsync("/paper-trading/execute-signals");
        var trades = executed["trades"]!.AsArray().Count;
        Assert.True(trades > 0);

        var first = await _api.PostJsonAsync("/trading/end-of-day");

        Assert.False((bool)first["already_recorded"]!);
        var date = (string)first["date"]!;
        var snapshot = first["snapshot"]!;
        Assert.Equal(trades, (int)snapshot["trade_count"]!);
        Assert.Equal(trades, (int)snapshot["open_positions"]!);
        Assert.Equal((decimal)snapshot["cash"]! + (decimal)snapshot["positions_value"]!, (decimal)snapshot["equity"]!);
        Assert.Equal(signals, (int)first["signals_archived"]!);
        var files = first["files_written"]!.AsArray().Select(f => Path.GetFileName((string)f!)).ToArray();
        Assert.Superset(new HashSet<string>([.. AllExports, "portfolio.json", "portfolio_history.json"]), files.ToHashSet());
        var history = JsonNode.Parse(await File.ReadAllTextAsync(Folder.PortfolioHistory))!.AsArray();
        Assert.Equal(date, (string?)Assert.Single(history)!["date"]);
        var archive = JsonNode.Parse(await File.ReadAllTextAsync(Folder.SignalsArchive(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture))))!.AsArray();
        Assert.Equal(signals, archive.Count);
        var portfolio = JsonNode.Parse(await File.ReadAllTextAsync(Folder.Portfolio))!;
        Assert.Equal((decimal)snapshot["equity"]!, (decimal)portfolio["equity"]!);
        Assert.All(AllExports, name => Assert.True(File.Exists(Path.Combine(Folder.ExportsDirectory, name)), name));
        var before = await File.ReadAllBytesAsync(Folder.PortfolioHistory);

        var second = await _api.PostJsonAsync("/trading/end-of-day");

        Assert.True((bool)second["already_recorded"]!);
        Assert.Empty(second["files_written"]!.AsArray());
        Assert.Contains($"end of day for {date} was already recorded", (string)second["message"]!, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllBytesAsync(Folder.PortfolioHistory));

        var performance = await _api.GetJsonAsync("/trading/performance");
        var day = Assert.Single(performance["days"]!.AsArray())!;
        Assert.Equal(date, (string?)day["date"]);
        Assert.Equal(trades, (int)day["trades"]!);
        Assert.Equal((decimal)snapshot["equity"]!, (decimal)day["equity"]!);
        Assert.Equal(1, (int)performance["summary"]!["days"]!);
        Assert.Equal(10_000m, (decimal)performance["initial_cash"]!);
    }

    [Fact]
    public async Task EndOfDay_ConcurrentCalls_OneRecordsTheDayTheOthersAreRefusedOrSayItIsRecorded()
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, 4)
            .Select(_ => _api.Client.PostAsync(new Uri("/trading/end-of-day", UriKind.Relative), null)));

        // A call that meets a run going is refused (409), never queued; one that comes after it says the day is recorded.
        var recorded = new List<bool>();
        foreach (var response in responses)
        {
            Assert.Contains(response.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict });
            if (response.StatusCode == HttpStatusCode.OK)
            {
                recorded.Add((bool)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["already_recorded"]!);
            }

            response.Dispose();
        }

        Assert.Equal(1, recorded.Count(r => !r));
        var day = Assert.Single(JsonNode.Parse(await File.ReadAllTextAsync(Folder.PortfolioHistory))!.AsArray())!;
        Assert.Equal(10_000m, (decimal)day["equity"]!);
        Assert.Equal(0, (int)day["open_positions"]!);
    }

    [Fact]
    public async Task ExportAllCsv_AfterARefresh_WritesWhatTheJsonHoldsAndSaysWhatIsMissing()
    {
        await _api.PostJsonAsync("/events/refresh-all-exports");
        var filtered = await File.ReadAllLinesAsync(Path.Combine(Folder.ExportsDirectory, "events_filtered.csv"));
        File.Delete(Path.Combine(Folder.ExportsDirectory, "events_filtered.csv"));

        var result = await _api.PostJsonAsync("/trading/export-all-csv");

        var files = result["files"]!.AsArray().Select(f => Path.GetFileName((string)f!)).ToArray();
        Assert.Equal(["events_filtered.csv", "markets_extracted.csv", "trades_summary.csv", "portfolio_history.csv", "positions_current.csv", "performance_daily.csv"], files);
        Assert.Equal(["markets_current", "signals_current"], result["skipped"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal(filtered, await File.ReadAllLinesAsync(Path.Combine(Folder.ExportsDirectory, "events_filtered.csv")));
    }

    [Fact]
    public async Task Performance_BeforeAnyEndOfDay_EmptyAndWritesNothing()
    {
        var performance = await _api.GetJsonAsync("/trading/performance");

        Assert.Empty(performance["days"]!.AsArray());
        Assert.Equal(0, (int)performance["summary"]!["days"]!);
        Assert.Null(performance["summary"]!["win_rate"]);
        Assert.False(Directory.Exists(Folder.HistoryDirectory));
        Assert.False(File.Exists(Folder.PaperTrades));
    }

    [Fact]
    public async Task EndOfDay_LedgerThatDoesNotAddUp_ProblemDetailsAndNothingAppended()
    {
        Directory.CreateDirectory(Folder.TradesDirectory);
        await File.WriteAllTextAsync(
            Folder.PaperTrades,
            "[\n{\"trade_id\":\"T000002\",\"signal_id\":null,\"executed_at\":\"2026-11-25T09:00:00Z\",\"kind\":\"buy\",\"event_id\":\"1\",\"market_id\":\"2\","
            + "\"condition_id\":\"0x3\",\"token_id\":\"4\",\"outcome\":\"No\",\"question\":\"Q?\",\"shares\":10,\"price\":0.5,\"cost\":5,\"fees\":0,"
            + "\"cash_after\":9995,\"best_price\":0.5,\"slippage\":0,\"book_timestamp\":null,\"realized_pnl\":null,\"source\":\"sample\"}\n]\n");

        using var response = await _api.Client.PostAsync(new Uri("/trading/end-of-day", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("T000002", (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["detail"]!, StringComparison.Ordinal);
        Assert.False(File.Exists(Folder.PortfolioHistory));
        Assert.False(File.Exists(Folder.Portfolio));
    }

    [Theory]
    [InlineData("GET", "/trading/end-of-day")]
    [InlineData("PUT", "/trading/end-of-day")]
    [InlineData("GET", "/trading/export-all-csv")]
    [InlineData("DELETE", "/trading/export-all-csv")]
    [InlineData("POST", "/trading/performance")]
    public async Task WrongMethod_Is405AndChangesNothing(string method, string path)
    {
        Assert.Equal(HttpStatusCode.MethodNotAllowed, await _api.SendAsync(method, path));
        Assert.False(Directory.Exists(Folder.HistoryDirectory));
        Assert.False(File.Exists(Folder.Portfolio));
        Assert.False(File.Exists(Path.Combine(Folder.ExportsDirectory, "trades_summary.csv")));
    }

    [Fact]
    public async Task OpenApiDocument_ListsTheHistoryRoutesUnderTrading()
    {
        var doc = await _api.GetJsonAsync("/openapi/v1.json");
        var paths = doc["paths"]!.AsObject();

        Assert.NotNull(paths["/trading/end-of-day"]!["post"]);
        Assert.NotNull(paths["/trading/export-all-csv"]!["post"]);
        Assert.NotNull(paths["/trading/performance"]!["get"]);
        Assert.Equal("Trading", (string?)paths["/trading/performance"]!["get"]!["tags"]![0]);
    }
}
