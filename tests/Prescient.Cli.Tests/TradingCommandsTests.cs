using System.Text.Json;
using System.Text.Json.Nodes;
using Prescient.Storage.Files;
using Prescient.Testing;

namespace Prescient.Cli.Tests;

/// <summary><c>refresh → signals → execute</c> on the sample market, then the read commands, through the real entry point.</summary>
public sealed class TradingCommandsTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    private DataFolder Folder => new(_dir.Path);

    [Fact]
    public async Task RefreshSignalsExecute_SampleMarket_TradesAndEveryFileHolds()
    {
        await RunOkAsync("refresh");
        var signalsRun = await RunOkAsync("signals");
        var signals = JsonNode.Parse(File.ReadAllText(Folder.CurrentSignals))!;
        var signalCount = (int)signals["count"]!;
        Assert.True(signalCount > 0, "the sample market should offer YES prices above 0.50");
        Assert.Equal("threshold", (string?)signals["strategy"]);
        Assert.Contains("signals;", signalsRun.Output, StringComparison.Ordinal);

        var execute = await RunOkAsync("execute");

        var trades = JsonNode.Parse(File.ReadAllText(Folder.PaperTrades))!.AsArray();
        Assert.NotEmpty(trades);
        Assert.All(trades, t => Assert.Equal("buy", (string?)t!["kind"]));
        Assert.Equal(trades.Count, trades.Select(t => (string?)t!["signal_id"]).Distinct().Count());
        var portfolio = JsonNode.Parse(File.ReadAllText(Folder.Portfolio))!;
        Assert.Equal(trades.Count, (int)portfolio["trade_count"]!);
        var cash = (decimal)portfolio["cash"]!;
        var spent = trades.Sum(t => (decimal)t!["cost"]! + (decimal)t["fees"]!);
        Assert.Equal(10_000m - spent, cash);
        Assert.Equal((decimal)trades[^1]!["cash_after"]!, cash);
        Assert.Contains("Trades", execute.Output, StringComparison.Ordinal);
        foreach (var name in new[] { "signals_current", "trades_summary", "positions_current" })
        {
            Assert.True(File.ReadAllLines(Folder.Export(name)).Length > 1, name);
        }

        var check = await RunOkAsync("check");
        Assert.Contains("OK", check.Output, StringComparison.Ordinal);
        var positions = await RunOkAsync("positions");
        Assert.Contains("Equity", positions.Output, StringComparison.Ordinal);
        var ledger = await RunOkAsync("trades", "--last", "0");
        Assert.Contains($"{trades.Count} of {trades.Count} records shown", ledger.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefreshAndCycle_OnATerminal_DrawProgressAndFinish()
    {
        var refresh = await CliRun.RunAsync(interactive: true, "refresh", "--data", _dir.Path);
        var cycle = await CliRun.RunAsync(interactive: true, "cycle", "--data", _dir.Path);

        Assert.True(refresh.ExitCode == 0, refresh.Error);
        Assert.True(cycle.ExitCode == 0, cycle.Error);
        Assert.Contains("Events kept by the filters", refresh.Output, StringComparison.Ordinal);
        Assert.Contains("Trades made", cycle.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Folder.Portfolio));
    }

    [Fact]
    public async Task Execute_SameSignalsTwice_NeverTradesASignalTwice()
    {
        await RunOkAsync("refresh");
        await RunOkAsync("signals");
        await RunOkAsync("execute");
        var first = await File.ReadAllBytesAsync(Folder.PaperTrades);

        var again = await RunOkAsync("execute");

        Assert.Equal(first, await File.ReadAllBytesAsync(Folder.PaperTrades));
        Assert.Contains("already_executed", again.Output, StringComparison.Ordinal);
        Assert.Contains("OK", (await RunOkAsync("check")).Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_BeforeSignals_FailsWithOneLineNamingTheStep()
    {
        var run = await CliRun.RunAsync("execute", "--data", _dir.Path);

        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("prescient signals", line, StringComparison.Ordinal);
        Assert.False(File.Exists(Folder.PaperTrades) && JsonNode.Parse(File.ReadAllText(Folder.PaperTrades))!.AsArray().Count > 0);
    }

    [Fact]
    public async Task Check_PortfolioEditedByHand_ReportsTheDifferenceAndFails()
    {
        await RunOkAsync("refresh");
        await RunOkAsync("signals");
        await RunOkAsync("execute");
        var portfolio = JsonNode.Parse(File.ReadAllText(Folder.Portfolio))!;
        portfolio["cash"] = (decimal)portfolio["cash"]! + 0.01m;
        await File.WriteAllTextAsync(Folder.Portfolio, portfolio.ToJsonString());

        var run = await CliRun.RunAsync("check", "--data", _dir.Path);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("cash", run.Error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Trades_NegativeLast_FailsWithOneLine()
    {
        var run = await CliRun.RunAsync("trades", "--data", _dir.Path, "--last", "-3");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--last", Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Dispose();

    private async Task<CliRun> RunOkAsync(params string[] args)
    {
        var run = await CliRun.RunAsync([.. args, "--data", _dir.Path]);
        Assert.True(run.ExitCode == 0, $"{string.Join(' ', args)}: {run.Error}");
        using var _ = JsonDocument.Parse(File.Exists(Folder.PaperTrades) ? File.ReadAllText(Folder.PaperTrades) : "[]");
        return run;
    }
}
