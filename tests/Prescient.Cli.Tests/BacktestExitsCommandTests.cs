using System.Globalization;
using System.Text.Json.Nodes;
using CsvHelper;
using Prescient.Storage.Files;
using Prescient.Testing;

namespace Prescient.Cli.Tests;

/// <summary>
/// The exit rules in <c>prescient backtest</c> and <c>prescient sweep</c>, turned on by the same
/// <c>Exits</c> keys as paper trading, after <c>history fetch</c> on the in-process sample market.
/// </summary>
public sealed class BacktestExitsCommandTests : IDisposable
{
    private const string Sample = """ "Sample": { "Events": 12 }, "History": { "SettleTime": "00:00:00" }, "Polymarket": { "MaxRetries": 0 } """;
    private readonly TempDirectory _dir = new();

    private DataFolder Folder => new(Path.Combine(_dir.Path, "data"));

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private static string From => Today.AddMonths(-1).AddDays(1 - Today.Day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string To => Today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task BacktestAndSweep_WithExitsConfigured_SellByTheRulesAndReportTheSells()
    {
        var plain = Write("plain.json", "{" + Sample + "}");
        var fetch = await RunAsync(plain, "history", "fetch", "--from", From, "--to", To, "--fidelity", "720");
        Assert.True(fetch.ExitCode == 0, fetch.Error);

        var exits = Write("exits.json", "{" + Sample + """, "Exits": { "TakeProfit": 0.05, "StopLoss": 0.05 } }""");
        var backtest = await RunAsync(exits, "backtest", "--from", From, "--to", To);

        Assert.True(backtest.ExitCode == 0, backtest.Error);
        Assert.Contains("Exits", backtest.Output, StringComparison.Ordinal);
        var stem = Path.Combine(Folder.Root, "backtests", $"backtest_{From}_{To}_threshold");
        var trades = CsvRows.Read(await File.ReadAllBytesAsync(stem + "_trades.csv"));
        var (kind, rule, signal) = (Array.IndexOf(trades[0], "kind"), Array.IndexOf(trades[0], "exit_rule"), Array.IndexOf(trades[0], "signal_id"));
        var sells = trades[1..].Where(r => r[kind] == "sell").ToArray();
        Assert.NotEmpty(sells);
        Assert.All(sells, s => Assert.Matches("^sell_(take_profit|stop_loss)$", s[rule]));
        Assert.All(sells, s => Assert.EndsWith("-" + s[rule], s[signal], StringComparison.Ordinal));
        Assert.All(trades[1..].Where(r => r[kind] != "sell"), r => Assert.Equal(string.Empty, r[rule]));
        var figures = CsvRows.Read(await File.ReadAllBytesAsync(stem + "_summary.csv")).Skip(1).ToDictionary(r => r[0], r => r[1]);
        Assert.Equal(sells.Length.ToString(CultureInfo.InvariantCulture), figures["sells"]);
        var summary = JsonNode.Parse(await File.ReadAllTextAsync(stem + ".json"))!["summary"]!;
        Assert.Equal(sells.Length, (int)summary["sells"]!);

        // The sweep's point with the same rules is that backtest; without them it sells nothing.
        var sweep = await RunAsync(plain, "sweep", "--from", From, "--to", To, "--grid", "take_profit=0.05,100", "--grid", "stop_loss=0.05,0.99", "--parallel", "1");
        Assert.True(sweep.ExitCode == 0, sweep.Error);
        var rows = CsvRows.Read(await File.ReadAllBytesAsync(Path.Combine(Folder.Root, "backtests", $"sweep_{From}_{To}_threshold.csv")));
        var point = rows.Single(r => r[0] == "0.05" && r[1] == "0.05");
        Assert.Equal(figures["final_equity"], point[Array.IndexOf(rows[0], "final_equity")]);
        Assert.Equal(figures["total_return"], point[Array.IndexOf(rows[0], "return")]);
    }

    [Fact]
    public async Task Sweep_ExitRuleOutOfRange_OneLineAndNonZero()
    {
        var run = await RunAsync(Write("plain.json", "{" + Sample + "}"), "sweep", "--from", From, "--to", To, "--grid", "stop_loss=0.2,1.5");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Single(run.Error.Trim().Split('\n'));
        Assert.Contains("Exits:StopLoss must be", run.Error, StringComparison.Ordinal);
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
