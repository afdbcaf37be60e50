using System.Text.Json.Nodes;
using Prescient.Domain.Ids;
using Prescient.Engine.MarketHistory;
using Prescient.Storage.Files;
using Prescient.Testing;

namespace Prescient.Cli.Tests;

/// <summary><c>history fetch</c> through the real entry point, on the in-process sample market (its clock is the real one).</summary>
public sealed class HistoryFetchCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly string _config;

    public HistoryFetchCommandTests()
    {
        _config = Path.Combine(_dir.Path, "small.json");
        File.WriteAllText(_config, """{ "Sample": { "Events": 8 }, "History": { "SettleTime": "00:00:00" }, "Polymarket": { "MaxRetries": 0 } }""");
    }

    private DataFolder Folder => new(Path.Combine(_dir.Path, "data"));

    /// <summary>The first day of last month (UTC): a complete month and the current one.</summary>
    private static string From => DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(-1).AddDays(1 - DateTime.UtcNow.Day).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task HistoryFetch_FreshFolder_RefreshesFetchesBothTokensOfEveryMarketAndTheSecondRunKeepsCompleteMonths()
    {
        var first = await RunAsync(interactive: true, "history", "fetch", "--from", From);

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Contains("SIMULATED sample market", first.Output, StringComparison.Ordinal);
        Assert.Contains("markets of a new refresh", first.Output, StringComparison.Ordinal);
        var markets = JsonNode.Parse(await File.ReadAllTextAsync(Folder.FilteredMarkets))!["markets"]!.AsArray();
        var tokens = markets.SelectMany(m => new[] { (string)m!["yes_token_id"]!, (string)m["no_token_id"]! }).Distinct().ToArray();
        Assert.NotEmpty(tokens);
        var last = HistoryMonth.Of(DateTimeOffset.UtcNow);
        Assert.All(tokens, t => Assert.True(File.Exists(Folder.PriceHistoryFile(TokenId.Create(t), last)), t));
        Assert.Equal(tokens.Order(), Directory.EnumerateDirectories(Folder.PriceHistoryDirectory).Select(Path.GetFileName).Order());

        var second = await RunAsync(interactive: false, "history", "fetch", "--from", From);

        Assert.True(second.ExitCode == 0, second.Error);
        Assert.Contains("markets of the last refresh", second.Output, StringComparison.Ordinal);
        Assert.Contains($"Token-months already complete on disk │ {tokens.Length} │", Flat(second.Output), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HistoryFetch_OneTokenTheServerRefuses_IsSkippedAndCountedExitZero()
    {
        var run = await RunAsync(interactive: false, "history", "fetch", "--from", From, "--tokens", "123,abc", "--fidelity", "720");

        Assert.True(run.ExitCode == 0, run.Error);
        var output = Flat(run.Output);
        Assert.Contains("skipped abc:", output, StringComparison.Ordinal);
        Assert.Contains("Tokens skipped (bad reply) │ 1 │", output, StringComparison.Ordinal);
        Assert.True(File.Exists(Folder.PriceHistoryFile(TokenId.Create("123"), HistoryMonth.Of(DateTimeOffset.UtcNow))));
        Assert.False(Directory.Exists(Path.Combine(Folder.PriceHistoryDirectory, "abc")));
    }

    [Fact]
    public async Task HistoryFetch_SourceUnreachable_FailsInOneLine()
    {
        var run = await RunAsync(interactive: false, "history", "fetch", "--from", From, "--tokens", "123", "--source", "live", "--clob-url", "http://127.0.0.1:9");

        Assert.Equal(1, run.ExitCode);
        Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("127.0.0.1", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--from", "2026-13-01", "--from must be a date")]
    [InlineData("--tokens", "12/34", "is not a token id")]
    [InlineData("--fidelity", "0", "--fidelity must be")]
    public async Task HistoryFetch_BadArgument_FailsInOneLineBeforeAnyWork(string option, string value, string message)
    {
        string[] args = option == "--from" ? ["history", "fetch", "--from", value] : ["history", "fetch", "--from", From, option, value];

        var run = await RunAsync(interactive: false, args);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Folder.PriceHistoryDirectory));
    }

    public void Dispose() => _dir.Dispose();

    private Task<CliRun> RunAsync(bool interactive, params string[] args) =>
        CliRun.RunAsync(interactive, [.. args, "--data", Folder.Root, "--config", _config]);

    private static string Flat(string text) => string.Join(' ', text.Split([' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
}
