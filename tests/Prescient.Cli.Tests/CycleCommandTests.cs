using System.Text.Json.Nodes;
using Prescient.Storage.Files;
using Prescient.Testing;

namespace Prescient.Cli.Tests;

/// <summary><c>prescient cycle</c> and <c>prescient status</c> through the real entry point, on the sample market.</summary>
public sealed class CycleCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    private DataFolder Folder => new(_dir.Path);

    [Fact]
    public async Task Cycle_TwiceThenStatus_SecondTradesNothingAndStatusShowsTheRuns()
    {
        var first = await RunOkAsync("cycle");
        var ledger = await File.ReadAllBytesAsync(Folder.PaperTrades);
        var trades = JsonNode.Parse(ledger)!.AsArray().Count;

        var second = await RunOkAsync("cycle");
        var status = await RunOkAsync("status");

        Assert.True(trades > 0, "the sample market should give the first cycle something to trade");
        Assert.Contains($"Trades made                      │ {trades,9} │", first.Output, StringComparison.Ordinal);
        Assert.Contains("Trades made                      │         0 │", second.Output, StringComparison.Ordinal);
        Assert.Contains("SIMULATED", first.Output, StringComparison.Ordinal);
        Assert.Equal(ledger, await File.ReadAllBytesAsync(Folder.PaperTrades));
        foreach (var name in new[] { "markets_extracted", "markets_current", "signals_current", "trades_summary", "positions_current" })
        {
            Assert.True(File.Exists(Folder.Export(name)), name);
        }

        Assert.Equal([true, true], JsonNode.Parse(await File.ReadAllTextAsync(Folder.RunLog))!.AsArray().Select(r => (bool)r!["succeeded"]!));
        Assert.Contains("Last cycle", status.Output, StringComparison.Ordinal);
        // The second cycle makes again only the signals the first rejected (a book too thin then may still be): status shows its count.
        var signals = System.Text.RegularExpressions.Regex.Match(second.Output, @"Signals\s+│\s+(\d+) │").Groups[1].Value;
        Assert.NotEmpty(signals);
        Assert.Contains($"{signals} signals", status.Output, StringComparison.Ordinal);
        Assert.Contains("(0 9 * * *)", status.Output, StringComparison.Ordinal);
        Assert.Contains("trades/portfolio.json", status.Output, StringComparison.Ordinal);
        Assert.Contains("Open positions", status.Output, StringComparison.Ordinal);
        var log = string.Concat(Directory.EnumerateFiles(Folder.LogsDirectory, "trading_log_*.txt").Select(File.ReadAllText));
        Assert.Contains("Run cycle succeeded", log, StringComparison.Ordinal);
        Assert.Contains("[INF] Prescient.Engine.Trading.ExecutionService: Filled ", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_FreshFolder_NeverRunAndNothingWritten()
    {
        var status = await RunOkAsync("status");

        Assert.Contains("never", status.Output, StringComparison.Ordinal);
        Assert.Contains("not yet written", status.Output, StringComparison.Ordinal);
        Assert.Contains("10,000.00", status.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cycle_LogsFolderNotWritable_StillSucceeds()
    {
        File.WriteAllText(Folder.LogsDirectory, "a file where the logs folder should be");

        var cycle = await RunOkAsync("cycle");

        Assert.Contains("Trades made", cycle.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Folder.RunLog));
        Assert.Equal("a file where the logs folder should be", File.ReadAllText(Folder.LogsDirectory));
    }

    [Fact]
    public async Task Status_BadScheduleSetting_OneLineNamingTheKey()
    {
        var run = await CliRun.RunAsync("status", "--data", _dir.Path, "--config", WriteConfig("""{ "Schedule": { "CycleCron": "at nine" } }"""));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Schedule:CycleCron 'at nine'", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.Trim().Split('\n'));
    }

    public void Dispose() => _dir.Dispose();

    private string WriteConfig(string json)
    {
        var path = Path.Combine(_dir.Path, "settings.json");
        File.WriteAllText(path, json);
        return path;
    }

    private async Task<CliRun> RunOkAsync(params string[] args)
    {
        var run = await CliRun.RunAsync([.. args, "--data", _dir.Path]);
        Assert.True(run.ExitCode == 0, $"{string.Join(' ', args)}: {run.Error}");
        return run;
    }
}
