using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Prescient.Storage.Files;
using Prescient.Testing;

namespace Prescient.Cli.Tests;

/// <summary><c>prescient check</c> after an interrupted run, and other commands over a portfolio that matches no point of the ledger.</summary>
public sealed class CheckCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    private DataFolder Folder => new(_dir.Path);

    [Fact]
    public async Task Check_PortfolioMissingUnderALedger_SaysItWasRebuiltAndExitsZero()
    {
        var records = await TradeAsync();
        File.Delete(Folder.Portfolio);

        var run = await CliRun.RunAsync("check", "--data", _dir.Path);

        Assert.True(run.ExitCode == 0, run.Error);
        var output = Regex.Replace(run.Output, @"\s+", " ");
        Assert.Contains($"Repaired: portfolio.json was {records} records behind the ledger (an interrupted run); rebuilt.", output, StringComparison.Ordinal);
        Assert.Contains("portfolio.json agrees", output, StringComparison.Ordinal);
        Assert.Equal(records, (int)JsonNode.Parse(File.ReadAllText(Folder.Portfolio))!["trade_count"]!);
    }

    [Fact]
    public async Task Trades_PortfolioAheadOfTheLedger_LeavesItForCheckToReport()
    {
        await TradeAsync();
        var portfolio = JsonNode.Parse(File.ReadAllText(Folder.Portfolio))!;
        portfolio["trade_count"] = (int)portfolio["trade_count"]! + 1;
        await File.WriteAllTextAsync(Folder.Portfolio, portfolio.ToJsonString());
        var edited = await File.ReadAllBytesAsync(Folder.Portfolio);

        var trades = await CliRun.RunAsync("trades", "--data", _dir.Path);
        var check = await CliRun.RunAsync("check", "--data", _dir.Path);

        Assert.Equal(0, trades.ExitCode);
        Assert.Equal(edited, await File.ReadAllBytesAsync(Folder.Portfolio));
        Assert.Equal(1, check.ExitCode);
        Assert.Contains("difference: trade_count: portfolio.json has", check.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Repaired", check.Output, StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Dispose();

    /// <summary>refresh, signals, execute on the sample market; returns the ledger's length (asserted non-zero).</summary>
    private async Task<int> TradeAsync()
    {
        foreach (var command in new[] { "refresh", "signals", "execute" })
        {
            var run = await CliRun.RunAsync(command, "--data", _dir.Path);
            Assert.True(run.ExitCode == 0, $"{command}: {run.Error}");
        }

        var records = JsonNode.Parse(File.ReadAllText(Folder.PaperTrades))!.AsArray().Count;
        Assert.True(records > 1, "the sample market should trade more than once");
        return records;
    }
}
