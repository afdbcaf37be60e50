using System.Text.Json.Nodes;
using Prescient.Storage.Files;
using Prescient.Testing;

namespace Prescient.Cli.Tests;

/// <summary><c>end-of-day</c> and <c>export</c> through the real entry point, on the sample market.</summary>
public sealed class HistoryCommandsTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    private DataFolder Folder => new(_dir.Path);

    [Fact]
    public async Task EndOfDay_TwiceOnAFreshFolder_RecordsOnceAndTheSecondRunSaysSoWithExitZero()
    {
        var first = await RunOkAsync("end-of-day");

        var history = JsonNode.Parse(await File.ReadAllTextAsync(Folder.PortfolioHistory))!.AsArray();
        var date = (string)Assert.Single(history)!["date"]!;
        Assert.Contains($"End of day {date}", first.Output, StringComparison.Ordinal);
        Assert.Contains("10,000.00", first.Output, StringComparison.Ordinal);
        Assert.Contains($"end of day for {date} recorded", Flat(first.Output), StringComparison.Ordinal);
        Assert.True(File.ReadAllLines(Folder.Export("performance_daily")).Length == 2);
        var before = await File.ReadAllBytesAsync(Folder.PortfolioHistory);

        var second = await RunOkAsync("end-of-day");

        Assert.Contains($"end of day for {date} was already recorded", Flat(second.Output), StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllBytesAsync(Folder.PortfolioHistory));
        Assert.Empty(second.Error);
    }

    [Fact]
    public async Task Export_AfterARefresh_ListsEveryFileWrittenAndEachSkippedOneWithItsStep()
    {
        await RunOkAsync("refresh");

        var run = await RunOkAsync("export");

        var output = Flat(run.Output);
        foreach (var name in new[] { "events_filtered", "markets_extracted", "markets_current", "trades_summary", "portfolio_history", "positions_current", "performance_daily" })
        {
            Assert.Contains(name + ".csv", output, StringComparison.Ordinal);
            Assert.True(File.Exists(Folder.Export(name)), name);
        }

        Assert.Contains("signals_current.csv", output, StringComparison.Ordinal);
        Assert.Contains("prescient signals", output, StringComparison.Ordinal);
        Assert.False(File.Exists(Folder.Export("signals_current")));
        Assert.Contains("7 files written", output, StringComparison.Ordinal);
        Assert.Contains("1 skipped", output, StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Dispose();

    /// <summary>The output with the terminal's line wrapping undone, so a sentence can be found whole.</summary>
    private static string Flat(string output) =>
        string.Join(' ', output.Split(['\n', '\r'], StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim(' ', '│', '|')));

    private async Task<CliRun> RunOkAsync(params string[] args)
    {
        var run = await CliRun.RunAsync([.. args, "--data", _dir.Path]);
        Assert.True(run.ExitCode == 0, $"{string.Join(' ', args)}: {run.Error}");
        return run;
    }
}
