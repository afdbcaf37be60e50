using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using CsvHelper;
using Prescient.Storage.Files;
using Prescient.Testing;

namespace Prescient.Cli.Tests;

/// <summary>
/// <c>prescient sweep</c> through the real entry point, after <c>history fetch</c> on the in-process sample
/// market: its files, each point equal to a <c>backtest</c> with its settings, and the same CSV however many threads.
/// </summary>
public sealed class SweepCommandTests : IDisposable
{
    private const string Sample = """ "Sample": { "Events": 12 }, "History": { "SettleTime": "00:00:00" }, "Polymarket": { "MaxRetries": 0 } """;
    private readonly TempDirectory _dir = new();
    private readonly string _config;

    public SweepCommandTests()
    {
        _config = Write("small.json", "{" + Sample + "}");
    }

    private DataFolder Folder => new(Path.Combine(_dir.Path, "data"));

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private static string From => Today.AddMonths(-1).AddDays(1 - Today.Day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string To => Today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Sweep_AfterHistoryFetch_WritesCsvJsonAndHeatmap_EachPointABacktest_SameCsvOnOneThreadOrAll()
    {
        var fetch = await RunAsync(_config, "history", "fetch", "--from", From, "--to", To, "--fidelity", "720");
        Assert.True(fetch.ExitCode == 0, fetch.Error);

        var first = await RunAsync(_config, "sweep", "--from", From, "--to", To, "--grid", "threshold=0.5:0.8:0.1", "--grid", "stake=50,100", "--sort", "sharpe", "--parallel", "1");

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Contains("In-sample best", first.Output, StringComparison.Ordinal);
        var stem = Path.Combine(Folder.Root, "backtests", $"sweep_{From}_{To}_threshold");
        var csv = await File.ReadAllBytesAsync(stem + ".csv");
        Assert.True(csv.AsSpan().StartsWith(Encoding.UTF8.Preamble));
        var rows = CsvRows.Read(csv);
        Assert.Equal(["threshold", "stake", "return", "cagr", "max_drawdown", "sharpe"], rows[0][..6]);
        Assert.Contains("is_sharpe", rows[0]);
        Assert.Contains("oos_sharpe", rows[0]);
        Assert.Equal(1 + 8, rows.Length);
        Assert.All(rows, r => Assert.Equal(rows[0].Length, r.Length));
        var sharpe = Array.IndexOf(rows[0], "sharpe");
        var sorted = rows[1..].Select(r => r[sharpe]).ToArray();
        Assert.Equal(sorted.OrderBy(s => s.Length == 0 ? 1 : 0).ThenByDescending(s => s.Length == 0 ? 0m : decimal.Parse(s, CultureInfo.InvariantCulture)), sorted);
        var json = JsonNode.Parse(await File.ReadAllTextAsync(stem + ".json"))!.AsObject();
        Assert.Equal(8, json["rows"]!.AsArray().Count);
        Assert.Equal("sharpe", (string?)json["sort"]);
        var png = await File.ReadAllBytesAsync(stem + "_heatmap.png");
        Assert.True(png.AsSpan().StartsWith((byte[])[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), "PNG signature");
        Assert.True(png.Length > 5_000, $"{png.Length} bytes");

        var second = await RunAsync(_config, "sweep", "--from", From, "--to", To, "--grid", "threshold=0.5:0.8:0.1", "stake=50,100", "--sort", "sharpe");

        Assert.True(second.ExitCode == 0, second.Error);
        Assert.Equal(csv, await File.ReadAllBytesAsync(stem + ".csv"));

        // A point's whole-range figures are those of `backtest` with its settings.
        var point = rows.Single(r => r[0] == "0.6" && r[1] == "50");
        var config = Write("point.json", "{" + Sample + """, "Strategy": { "Threshold": 0.6, "Stake": 50 } }""");
        var backtest = await RunAsync(config, "backtest", "--from", From, "--to", To);
        Assert.True(backtest.ExitCode == 0, backtest.Error);
        var figures = CsvRows.Read(await File.ReadAllBytesAsync(Path.Combine(Folder.Root, "backtests", $"backtest_{From}_{To}_threshold_summary.csv")))
            .Skip(1).ToDictionary(r => r[0], r => r[1]);
        Assert.Equal(figures["final_equity"], point[Array.IndexOf(rows[0], "final_equity")]);
        Assert.Equal(figures["total_return"], point[Array.IndexOf(rows[0], "return")]);
        Assert.Equal(figures["sharpe"], point[sharpe]);
        Assert.Equal(figures["fees_paid"], point[Array.IndexOf(rows[0], "fees")]);
        Assert.Equal(figures["buys"], point[Array.IndexOf(rows[0], "trades")]);
        Assert.NotEqual("0", figures["buys"]);
    }

    [Theory]
    [InlineData("threshold=0.5:0.9:0.15", "does not reach the end")]
    [InlineData("momentum=1,2", "known: ")]
    [InlineData("threshold=0.5,1.5", "Strategy:Threshold must be")]
    public async Task Sweep_BadGrid_OneLineAndNonZero_WritesNothing(string grid, string expected)
    {
        var run = await RunAsync(_config, "sweep", "--from", From, "--to", To, "--grid", grid);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Single(run.Error.Trim().Split('\n'));
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(Folder.Root, "backtests")));
    }

    public void Dispose() => _dir.Dispose();

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir.Path, name);
        File.WriteAllText(path, text);
        return path;
    }

    private Task<CliRun> RunAsync(string config, params string[] args) =>
        CliRun.RunAsync(interactive: false, [.. args, "--data", Folder.Root, "--config", config]);
}
