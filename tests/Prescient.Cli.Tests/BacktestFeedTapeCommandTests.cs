using System.Text.Json.Nodes;
using Prescient.Storage.Files;
using Prescient.Testing;

namespace Prescient.Cli.Tests;

/// <summary>
/// <c>prescient backtest --history feed</c>: the recorded market-channel replay of <c>fixtures/polymarket/ws/</c>
/// as the history, through the real entry point, after a refresh of the sample market (whose markets are
/// not the tape's, so every token of the tape is reported without a market).
/// </summary>
public sealed class BacktestFeedTapeCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly string _config;

    public BacktestFeedTapeCommandTests()
    {
        _config = Path.Combine(_dir.Path, "small.json");
        File.WriteAllText(_config, """{ "Sample": { "Events": 12 }, "Polymarket": { "MaxRetries": 0 } }""");
    }

    private DataFolder Folder => new(Path.Combine(_dir.Path, "data"));

    [Fact]
    public async Task Backtest_HistoryFeed_ReadsTheTapeInTheDataFolder_ADamagedFrameSkipped()
    {
        var refresh = await RunAsync("refresh");
        Assert.True(refresh.ExitCode == 0, refresh.Error);
        var feed = Path.Combine(Folder.Root, "feed");
        Directory.CreateDirectory(feed);
        File.Copy(Fixtures.Path("ws/ws_public_replay_2026-05.txt"), Path.Combine(feed, "market_2026-05-19.txt"));
        await File.WriteAllTextAsync(Path.Combine(feed, "market_2026-05-20.txt"), """{"event_type":"book","asset_id":""" + "\n");

        var run = await RunAsync("backtest", "--from", "2026-05-19", "--to", "2026-05-20", "--history", "feed");

        Assert.True(run.ExitCode == 0, run.Error);
        var report = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Folder.Root, "backtests", "backtest_2026-05-19_2026-05-20_threshold.json")))!;
        Assert.Equal("feed tape", (string?)report["history"]);
        Assert.Equal(24, (int)report["tokens_without_market"]!);
    }

    [Fact]
    public async Task Backtest_HistoryFeedWithoutATape_OneLineAndNonZero()
    {
        var run = await RunAsync("backtest", "--from", "2026-05-19", "--to", "2026-05-20", "--history", "feed", "--feed-tape", Path.Combine(_dir.Path, "none.txt"));

        Assert.NotEqual(0, run.ExitCode);
        Assert.Single(run.Error.Trim().Split('\n'));
        Assert.Contains("No recorded market feed tape", run.Error, StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Dispose();

    private Task<CliRun> RunAsync(params string[] args) =>
        CliRun.RunAsync(interactive: false, [.. args, "--data", Folder.Root, "--config", _config]);
}
