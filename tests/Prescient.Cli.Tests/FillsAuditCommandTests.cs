using System.Text.Json.Nodes;
using Prescient.Storage.Files;
using Prescient.Testing;

namespace Prescient.Cli.Tests;

/// <summary><c>prescient fills audit</c> through the real entry point, over the fills of a short simulation on the sample market.</summary>
public sealed class FillsAuditCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly string _config;

    public FillsAuditCommandTests()
    {
        _config = Path.Combine(_dir.Path, "small.json");
        File.WriteAllText(_config, """{ "Sample": { "Events": 40 }, "Polymarket": { "MaxRetries": 0 } }""");
    }

    private DataFolder Folder => new(Path.Combine(_dir.Path, "data"));

    [Fact]
    public async Task FillsAudit_AfterASimulation_EveryFillInTheFilesWithTheOverallSummary()
    {
        var simulate = await RunAsync("simulate", "--days", "2");
        Assert.True(simulate.ExitCode == 0, simulate.Error);
        var fills = JsonNode.Parse(await File.ReadAllTextAsync(Folder.PaperTrades))!.AsArray().Count(r => (string?)r!["kind"] == "buy");
        Assert.True(fills > 0, "the simulation made no fill");

        var run = await RunAsync("fills", "audit", "--window", "60");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("Fills audit, 60 minutes after each fill", run.Output, StringComparison.Ordinal);
        var report = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Folder.ReportsDirectory, "fills_audit.json")))!;
        Assert.Equal(60, (int)report["window_minutes"]!);
        Assert.Equal(fills, (int)report["overall"]!["fills"]!);
        Assert.Equal(fills, report["fills"]!.AsArray().Count);
        Assert.All(report["fills"]!.AsArray(), f => Assert.InRange((decimal)f!["coverage"]!, 0m, 1m));
        var csv = (await File.ReadAllTextAsync(Folder.Export("fills_audit"))).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("trade_id,market_id,question,kind", csv[0], StringComparison.Ordinal);
        Assert.Equal(fills + 1, csv.Length);
    }

    [Fact]
    public async Task FillsAudit_BadWindow_OneLineAndNonZero()
    {
        var run = await RunAsync("fills", "audit", "--window", "0");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("--window must be between 1 and 10080 minutes.", run.Error, StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Dispose();

    private Task<CliRun> RunAsync(params string[] args) =>
        CliRun.RunAsync(interactive: false, [.. args, "--data", Folder.Root, "--config", _config]);
}
