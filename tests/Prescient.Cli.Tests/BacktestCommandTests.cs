using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using CsvHelper;
using Prescient.Storage.Files;
using Prescient.Testing;

namespace Prescient.Cli.Tests;

/// <summary>
/// <c>prescient backtest</c> through the real entry point, after <c>history fetch</c> on the in-process
/// sample market (its clock is the real one): the report files, valid and the same for the same inputs.
/// </summary>
public sealed class BacktestCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly string _config;

    public BacktestCommandTests()
    {
        _config = Path.Combine(_dir.Path, "small.json");
        File.WriteAllText(_config, """{ "Sample": { "Events": 12 }, "History": { "SettleTime": "00:00:00" }, "Polymarket": { "MaxRetries": 0 } }""");
    }

    private DataFolder Folder => new(Path.Combine(_dir.Path, "data"));

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>The first day of last month (UTC) to yesterday: a complete month and part of this one.</summary>
    private static string From => Today.AddMonths(-1).AddDays(1 - Today.Day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string To => Today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Backtest_AfterHistoryFetch_WritesValidReportFiles_TheSameForTheSameInputs()
    {
        var fetch = await RunAsync("history", "fetch", "--from", From, "--to", To, "--fidelity", "720");
        Assert.True(fetch.ExitCode == 0, fetch.Error);

        var first = await RunAsync("backtest", "--from", From, "--to", To);

        Assert.True(first.ExitCode == 0, first.Error);
        var stem = Path.Combine(Folder.Root, "backtests", $"backtest_{From}_{To}_threshold");
        string[] files = [stem + ".json", stem + "_trades.csv", stem + "_equity.csv", stem + "_summary.csv"];
        Assert.All(files, f => Assert.True(File.Exists(f), f));
        var report = JsonNode.Parse(await File.ReadAllTextAsync(files[0]))!.AsObject();
        Assert.Contains("generated_at", report.Select(p => p.Key));
        foreach (var csv in files[1..])
        {
            var bytes = await File.ReadAllBytesAsync(csv);
            Assert.True(bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble), csv + " starts with a byte-order mark");
            using var reader = CsvReader.Create(new MemoryStream(bytes), CsvReaderOptions.Default with { HasHeader = false }, leaveOpen: false);
            Assert.True(reader.Read(), csv);
            var columns = reader.FieldCount;
            Assert.True(columns > 1, csv);
            while (reader.Read())
            {
                Assert.Equal(columns, reader.FieldCount);
            }
        }

        var before = await Task.WhenAll(files.Select(f => File.ReadAllTextAsync(f)));
        var second = await RunAsync("backtest", "--from", From, "--to", To);

        Assert.True(second.ExitCode == 0, second.Error);
        var after = await Task.WhenAll(files.Select(f => File.ReadAllTextAsync(f)));
        Assert.Equal(WithoutGeneratedAt(before[0]), WithoutGeneratedAt(after[0]));
        Assert.Equal(before[1..], after[1..]);
    }

    [Fact]
    public async Task Backtest_ToBeforeFrom_OneLineAndNonZero()
    {
        var run = await RunAsync("backtest", "--from", To, "--to", From);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Single(run.Error.Trim().Split('\n'));
        Assert.False(Directory.Exists(Path.Combine(Folder.Root, "backtests")));
    }

    public void Dispose() => _dir.Dispose();

    private static string WithoutGeneratedAt(string json)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        node.Remove("generated_at");
        return node.ToJsonString();
    }

    private Task<CliRun> RunAsync(params string[] args) =>
        CliRun.RunAsync(interactive: false, [.. args, "--data", Folder.Root, "--config", _config]);
}
