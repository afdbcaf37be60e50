using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Prescient.Engine.Cycle;
using Prescient.Engine.Positions;
using Prescient.Host.Hosting;
using Prescient.Host.Logging;
using Prescient.Storage.Files;
using Prescient.Testing;

namespace Prescient.Host.Tests;

/// <summary>
/// The start-up step every command and <c>serve</c> run: a <c>portfolio.json</c> behind the ledger is
/// rebuilt before anything else touches the folder; one that matches no point of it is left alone.
/// </summary>
public sealed class StartupRecoveryTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly StringWriter _log = new();
    private readonly IConfiguration _configuration;

    public StartupRecoveryTests()
    {
        _configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Data"] = _dir.Path, ["Sample:Events"] = "120", ["Schedule:Enabled"] = "false" })
            .Build();
    }

    private DataFolder Folder => new(_dir.Path);

    [Fact]
    public async Task Serve_PortfolioMissingUnderALedger_IsRebuiltBeforeItListens()
    {
        var records = await TradeADayAsync();
        File.Delete(Folder.Portfolio);

        await using (var api = await PrescientApi.StartAsync(_configuration, "http://127.0.0.1:0", Capture, CancellationToken.None))
        {
            Assert.True(File.Exists(Folder.Portfolio), "serve listened before rebuilding portfolio.json");
            Assert.Equal(records, (int)JsonNode.Parse(await File.ReadAllTextAsync(Folder.Portfolio))!["trade_count"]!);
            var check = await api.Services.GetRequiredService<PortfolioRecovery>().RecoverAsync(CancellationToken.None);
            Assert.True(check.IsConsistent, string.Join("; ", check.Differences));
            Assert.Equal(records, check.Repair?.RecordsBehind);
        }

        Assert.Contains($"missing, {records} records behind the ledger", _log.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Runtime_OfACommandThatOnlyReads_StartsNoMarket_AndStillRebuildsTheMissingPortfolio()
    {
        var records = await TradeADayAsync();
        File.Delete(Folder.Portfolio);

        await using (var runtime = await PrescientRuntime.StartAsync(_configuration, Capture, CancellationToken.None, market: MarketUse.None))
        {
            Assert.Equal(records, (int)JsonNode.Parse(await File.ReadAllTextAsync(Folder.Portfolio))!["trade_count"]!);
            Assert.Null(runtime.Backend.Sample);
            Assert.False(runtime.Backend.IsReached);
            var source = runtime.Services.GetRequiredService<Prescient.Engine.Markets.IMarketSource>();
            Assert.Equal("sample", source.Info.Name);
            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => source.GetFeeRateAsync(Prescient.Domain.Ids.TokenId.Create("1"), CancellationToken.None));
            Assert.Contains("does not reach the sample market", refused.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Runtime_PortfolioEditedByHand_LogsAnErrorAndLeavesTheFile()
    {
        await TradeADayAsync();
        var portfolio = JsonNode.Parse(await File.ReadAllTextAsync(Folder.Portfolio))!;
        portfolio["cash"] = (decimal)portfolio["cash"]! + 0.01m;
        await File.WriteAllTextAsync(Folder.Portfolio, portfolio.ToJsonString());
        var edited = await File.ReadAllBytesAsync(Folder.Portfolio);

        await using (await PrescientRuntime.StartAsync(_configuration, Capture, CancellationToken.None))
        {
            Assert.Equal(edited, await File.ReadAllBytesAsync(Folder.Portfolio));
        }

        Assert.Contains("does not match the ledger", _log.ToString(), StringComparison.Ordinal);
        Assert.Contains("cash: portfolio.json has", _log.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Runtime_PortfolioNotJson_StartsAndLogsTheProblem()
    {
        await TradeADayAsync();
        await File.WriteAllTextAsync(Folder.Portfolio, "{ not json");

        await using (await PrescientRuntime.StartAsync(_configuration, Capture, CancellationToken.None))
        {
            Assert.Equal("{ not json", await File.ReadAllTextAsync(Folder.Portfolio));
        }

        Assert.Contains("could not be checked against the ledger", _log.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Runtime_PortfolioTheCheckpointVouchesFor_StartsWithoutReadingTheLedger()
    {
        var records = await TradeADayAsync();
        Assert.True(records >= 2, "the first record is damaged below, the last kept");

        // The first record made unreadable, its length kept: only a replay would see it.
        var ledger = await File.ReadAllTextAsync(Folder.PaperTrades);
        var damaged = ledger.Replace("{\"trade_id\":\"T000001\"", "{\"trade_id\":\"X000001\"", StringComparison.Ordinal);
        Assert.NotEqual(ledger, damaged);
        await File.WriteAllTextAsync(Folder.PaperTrades, damaged);

        await using (var runtime = await PrescientRuntime.StartAsync(_configuration, Capture, CancellationToken.None, market: MarketUse.None))
        {
            Assert.Empty(_log.ToString());

            // prescient check always replays, and finds it.
            var check = await runtime.Services.GetRequiredService<PortfolioRecovery>().RecoverAsync(CancellationToken.None);
            Assert.False(check.IsConsistent);
            Assert.Contains("expected id T000001", check.Differences[0], StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Runtime_FreshFolder_CreatesNoTradingFile()
    {
        await using (await PrescientRuntime.StartAsync(_configuration, Capture, CancellationToken.None))
        {
            Assert.False(File.Exists(Folder.PaperTrades));
            Assert.False(File.Exists(Folder.Portfolio));
        }

        Assert.Empty(_log.ToString());
    }

    public void Dispose()
    {
        _log.Dispose();
        _dir.Dispose();
    }

    private void Capture(ILoggingBuilder logging) => logging.AddConsoleLog(new ConsoleLog(_log, LogLevel.Warning));

    /// <summary>One full cycle on the sample market; returns the ledger's length (asserted non-zero).</summary>
    private async Task<int> TradeADayAsync()
    {
        await using var runtime = await PrescientRuntime.StartAsync(_configuration, _ => { }, CancellationToken.None);
        var result = await runtime.Services.GetRequiredService<CycleService>().RunAsync(null, CancellationToken.None);
        Assert.True(result.Trades > 0, "the sample market should trade on its first day");
        return result.Trades;
    }
}
