using System.Text.Json;
using System.Text.Json.Nodes;
using Prescient.Storage.Files;
using Prescient.Testing;

namespace Prescient.Cli.Tests;

public sealed class RefreshCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task Refresh_SampleSource_WritesEveryFileAsValidJsonAndCsv()
    {
        var run = await CliRun.RunAsync("refresh", "--data", _dir.Path);

        Assert.True(run.ExitCode == 0, run.Error);
        var folder = new DataFolder(_dir.Path);
        foreach (var path in new[] { folder.RawEvents, folder.FilteredEvents, folder.FilteredMarkets, folder.MarketCache })
        {
            var json = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
            Assert.Equal("sample", (string?)json["source"]);
            Assert.True((bool?)json["simulated"]);
            Assert.True((int?)json["count"] > 0, path);
        }

        Assert.Single(Directory.GetFiles(folder.MarketsDirectory, "daily_prices_*.json"));
        Assert.Single(Directory.GetFiles(folder.ExportsDirectory, "events_full_*.csv"));
        foreach (var name in new[] { "events_filtered", "markets_extracted", "markets_current" })
        {
            var lines = File.ReadAllLines(folder.Export(name));
            Assert.True(lines.Length > 1, name);
        }

        Assert.Contains("SIMULATED", run.Output, StringComparison.Ordinal);
        Assert.Contains("Events kept by the filters", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refresh_FolderLockedByAnotherWriter_FailsWithOneLineAndWritesNothing()
    {
        using (DataFolderLock.Acquire(_dir.Path))
        {
            var run = await CliRun.RunAsync("refresh", "--data", _dir.Path);

            Assert.Equal(1, run.ExitCode);
            var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith("error: ", line, StringComparison.Ordinal);
            Assert.Contains("in use", line, StringComparison.Ordinal);
        }

        Assert.False(File.Exists(new DataFolder(_dir.Path).RawEvents));
    }

    [Theory]
    [InlineData("--source", "mars", "Source must be 'sample' or 'live'")]
    [InlineData("--gamma-url", "not a url", "Polymarket:GammaUrl must be an absolute http(s) URL")]
    [InlineData("--config", "/nonexistent/settings.json", "does not exist")]
    public async Task Refresh_BadSetting_FailsWithOneLineNamingIt(string option, string value, string expected)
    {
        var run = await CliRun.RunAsync("refresh", "--data", _dir.Path, option, value);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Refresh_ConfigFileFilters_AreAppliedAndRecorded()
    {
        var config = Path.Combine(_dir.Path, "settings.json");
        await File.WriteAllTextAsync(config, """{ "Filters": { "MinLiquidity": 123456789, "MinVolume": 0 } }""");

        var run = await CliRun.RunAsync("refresh", "--data", Path.Combine(_dir.Path, "data"), "--config", config);

        Assert.True(run.ExitCode == 0, run.Error);
        var filtered = JsonNode.Parse(File.ReadAllText(new DataFolder(Path.Combine(_dir.Path, "data")).FilteredEvents))!;
        Assert.Equal(123456789m, filtered["filters"]!["min_liquidity"]!.GetValue<decimal>());
        Assert.Equal(0, (int?)filtered["count"]);
    }

    [Fact]
    public async Task Refresh_LiveSourceUnreachable_FailsClearlyAndKeepsPreviousFiles()
    {
        var first = await CliRun.RunAsync("refresh", "--data", _dir.Path);
        Assert.True(first.ExitCode == 0, first.Error);
        var folder = new DataFolder(_dir.Path);
        var before = await File.ReadAllBytesAsync(folder.FilteredEvents);
        var config = Path.Combine(_dir.Path, "fast-fail.json");
        await File.WriteAllTextAsync(config, """{ "Polymarket": { "MaxRetries": 1 } }""");

        // Port 9 (discard) on loopback: nothing listens, the connection is refused at once.
        var run = await CliRun.RunAsync(
            "refresh", "--data", _dir.Path, "--config", config, "--source", "live",
            "--gamma-url", "http://127.0.0.1:9", "--clob-url", "http://127.0.0.1:9");

        Assert.Equal(1, run.ExitCode);
        Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("127.0.0.1", run.Error, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllBytesAsync(folder.FilteredEvents));
        using var doc = JsonDocument.Parse(before);
        Assert.Equal("sample", doc.RootElement.GetProperty("source").GetString());
    }

    public void Dispose() => _dir.Dispose();
}
