using System.Text.Json;
using Prescient.Storage.Files;
using Prescient.Testing;

namespace Prescient.Cli.Tests;

/// <summary><c>prescient simulate</c> through the real entry point: the whole data tree, determinism per seed, refusals.</summary>
public sealed class SimulateCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task Simulate_SameSeedTwice_GivesTheSameTradesHistoryAndEquity()
    {
        var first = Path.Combine(_dir.Path, "a");
        var second = Path.Combine(_dir.Path, "b");

        var runA = await CliRun.RunAsync("simulate", "--days", "4", "--seed", "7", "--data", first, "--config", Config());
        var runB = await CliRun.RunAsync("simulate", "--days", "4", "--seed", "7", "--data", second, "--config", Config());

        Assert.True(runA.ExitCode == 0, runA.Error);
        Assert.True(runB.ExitCode == 0, runB.Error);
        var a = new DataFolder(first);
        var b = new DataFolder(second);
        Assert.Equal(await File.ReadAllTextAsync(a.PaperTrades), await File.ReadAllTextAsync(b.PaperTrades));
        Assert.Equal(await File.ReadAllTextAsync(a.PortfolioHistory), await File.ReadAllTextAsync(b.PortfolioHistory));
        Assert.Contains("Final equity", runA.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulate_FourDays_WritesTheWholeDataTreeWithEveryInvariant()
    {
        var run = await CliRun.RunAsync("simulate", "--days", "4", "--data", _dir.Path, "--config", Config());

        Assert.True(run.ExitCode == 0, run.Error);
        var folder = new DataFolder(_dir.Path);
        foreach (var path in Directory.EnumerateFiles(_dir.Path, "*.json", SearchOption.AllDirectories).Where(p => !p.EndsWith("settings.json", StringComparison.Ordinal)))
        {
            using var _ = JsonDocument.Parse(await File.ReadAllTextAsync(path));
        }

        using var history = JsonDocument.Parse(await File.ReadAllTextAsync(folder.PortfolioHistory));
        var dates = history.RootElement.EnumerateArray().Select(d => d.GetProperty("date").GetString()!).ToArray();
        Assert.Equal(["2026-01-05", "2026-01-06", "2026-01-07", "2026-01-08"], dates);
        Assert.Equal(4, Directory.GetFiles(folder.MarketsDirectory, "daily_prices_*.json").Length);
        Assert.Single(Directory.GetFiles(folder.HistoryDirectory, "signals_archive_2026-01.json"));
        foreach (var name in new[] { "events_filtered", "markets_extracted", "markets_current", "signals_current", "trades_summary", "portfolio_history", "positions_current", "performance_daily" })
        {
            Assert.True(File.Exists(folder.Export(name)), name);
        }

        using var ledger = JsonDocument.Parse(await File.ReadAllTextAsync(folder.PaperTrades));
        var records = ledger.RootElement.EnumerateArray().ToArray();
        var signalIds = records.Where(r => r.GetProperty("kind").GetString() == "buy").Select(r => r.GetProperty("signal_id").GetString()).ToArray();
        Assert.Equal(signalIds.Length, signalIds.Distinct().Count());
        var cash = 10_000m + records.Sum(r => r.GetProperty("kind").GetString() == "buy"
            ? -(r.GetProperty("cost").GetDecimal() + r.GetProperty("fees").GetDecimal())
            : r.GetProperty("cost").GetDecimal() - r.GetProperty("fees").GetDecimal());
        Assert.Equal(records[^1].GetProperty("cash_after").GetDecimal(), cash);
        var settled = records.Count(r => r.GetProperty("kind").GetString() == "settlement");
        var shown = System.Text.RegularExpressions.Regex.Match(run.Output, @"Settlements\s*│\s*(\d+)");
        Assert.True(shown.Success, run.Output);
        Assert.Equal(settled, int.Parse(shown.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        var check = await CliRun.RunAsync("check", "--data", _dir.Path);
        Assert.True(check.ExitCode == 0, check.Error);

        // It ends with the report of its last day, and says where.
        var report = Path.Combine(_dir.Path, "reports", "report_2026-01-08.html");
        Assert.Contains("Report: " + report, run.Output.Replace("\n", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.True(File.Exists(report));
        Assert.All(["equity", "drawdown", "pnl_by_market", "calibration"], chart => Assert.True(File.Exists(Path.Combine(_dir.Path, "reports", chart + ".png")), chart));

        var again = await CliRun.RunAsync("report", "--data", _dir.Path);
        Assert.True(again.ExitCode == 0, again.Error);
        Assert.Contains("Report of 2026-01-08 written to", again.Output, StringComparison.Ordinal);
        Assert.Contains("pnl_by_market.png", again.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulate_FolderWithHistory_RefusesWithOneLineAndChangesNothing()
    {
        var first = await CliRun.RunAsync("simulate", "--days", "1", "--data", _dir.Path, "--config", Config());
        Assert.True(first.ExitCode == 0, first.Error);
        var before = await File.ReadAllBytesAsync(new DataFolder(_dir.Path).PaperTrades);

        var again = await CliRun.RunAsync("simulate", "--days", "1", "--data", _dir.Path, "--config", Config());

        Assert.Equal(1, again.ExitCode);
        Assert.Contains("fresh data folder", Assert.Single(again.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllBytesAsync(new DataFolder(_dir.Path).PaperTrades));
    }

    [Theory]
    [InlineData("--days", "0", "--days must be between 1 and 3650")]
    [InlineData("--start", "05/01/2026", "--start must be a date")]
    [InlineData("--source", "live", "simulate runs on the in-process sample market")]
    public async Task Simulate_BadOption_FailsWithOneLine(string option, string value, string expected)
    {
        var run = await CliRun.RunAsync("simulate", "--data", _dir.Path, option, value);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(expected, Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
        Assert.False(File.Exists(new DataFolder(_dir.Path).PaperTrades));
    }

    public void Dispose() => _dir.Dispose();

    /// <summary>A smaller sample market keeps the test quick; the pipeline is the same.</summary>
    [Fact]
    public async Task Simulate_AllScenarios_EveryDayRecordedAndCheckPasses()
    {
        var run = await CliRun.RunAsync("simulate", "--days", "3", "--all-scenarios", "--data", _dir.Path, "--config", Config());

        Assert.True(run.ExitCode == 0, run.Error);
        using var history = JsonDocument.Parse(await File.ReadAllTextAsync(new DataFolder(_dir.Path).PortfolioHistory));
        Assert.Equal(3, history.RootElement.GetArrayLength());
        var check = await CliRun.RunAsync("check", "--data", _dir.Path);
        Assert.True(check.ExitCode == 0, check.Output + check.Error);
    }

    private string Config()
    {
        var path = Path.Combine(_dir.Path, "settings.json");
        File.WriteAllText(path, """{ "Sample": { "Events": 60 } }""");
        return path;
    }
}
