using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Prescient.Domain.Trading;
using Prescient.Engine.Backtest;
using Prescient.Engine.Backtest.Recorded;
using Prescient.Engine.Storage;
using Prescient.Host.Hosting;
using Prescient.Host.Simulation;
using Prescient.Testing;

namespace Prescient.Host.Tests.Simulation;

/// <summary>
/// Issue 17's agreement test: a period run as <c>simulate --record</c> (the cycle and the end of day on
/// the sample market, files and all) and the same period as <c>backtest --fills recorded</c> (in memory,
/// from the tapes) give the same ledger, record for record and field for field (trade ids, signal ids,
/// shares, prices, costs, fees, cash after, settlement payouts, timestamps), and the same portfolio
/// history, day for day, so the same final equity to the last decimal, not only to the cent.
/// </summary>
public sealed class RecordedBacktestAgreementTests : IDisposable
{
    private static readonly DateOnly Start = new(2026, 1, 5);
    private readonly TempDirectory _dir = new();

    public static TheoryData<bool> Scenarios => [false, true];

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task BacktestOfARecordedSimulation_GivesItsTradesAndEquity(bool allScenarios)
    {
        const int days = 5;
        var configuration = Configuration(allScenarios);
        var simulated = await SimulationRunner.RunAsync(configuration, new SimulationOptions { Days = days, Start = Start, Record = true }, static _ => { }, null, CancellationToken.None);

        await using var runtime = await PrescientRuntime.StartAsync(configuration, static _ => { }, CancellationToken.None, market: MarketUse.None);
        var ledger = await runtime.Services.GetRequiredService<ITradingStore>().Ledger.ReadAllAsync(CancellationToken.None);
        var history = await runtime.Services.GetRequiredService<IHistoryStore>().ReadPortfolioHistoryAsync(CancellationToken.None);
        var result = await runtime.Services.GetRequiredService<RecordedBacktestService>()
            .RunAsync(new BacktestRequest(Start, Start.AddDays(days - 1)), null, CancellationToken.None);

        // The period exercises what can disagree: buys with fees, settlements, open positions marked at the end.
        Assert.Equal(simulated.Trades, ledger.Count(t => t.Kind == TradeKind.Buy));
        Assert.Contains(ledger, t => t.Kind == TradeKind.Buy && t.Fees.Value > 0m);
        Assert.Contains(ledger, t => t.Kind == TradeKind.Settlement);
        Assert.NotEqual(0m, history[^1].UnrealizedPnl);

        Assert.Equal(ledger, result.Trades.Select(t => t.Trade));
        Assert.Equal(history, result.Days);
        Assert.Equal(Math.Round(simulated.Performance.Days[^1].Equity, 2), Math.Round(result.Days[^1].Equity, 2));
        Assert.All(result.Trades, t => Assert.Equal(t.Trade.Kind == TradeKind.Settlement ? FillModel.Resolution : FillModel.RecordedBook, t.FillModel));
        Assert.Equal(FillModel.RecordedBook, result.Fills);
    }

    [Fact]
    public async Task RecordedBacktest_OfDaysWithoutATape_IsRefusedSayingHowToRecordThem()
    {
        var configuration = Configuration(false);
        await SimulationRunner.RunAsync(configuration, new SimulationOptions { Days = 1, Start = Start, Record = true }, static _ => { }, null, CancellationToken.None);

        await using var runtime = await PrescientRuntime.StartAsync(configuration, static _ => { }, CancellationToken.None, market: MarketUse.None);
        var service = runtime.Services.GetRequiredService<RecordedBacktestService>();

        var missing = await Assert.ThrowsAsync<Engine.Refresh.MissingStateException>(
            () => service.RunAsync(new BacktestRequest(Start.AddDays(1), Start.AddDays(2)), null, CancellationToken.None));
        Assert.Contains("simulate --record", missing.Message, StringComparison.Ordinal);
    }

    private IConfiguration Configuration(bool allScenarios)
    {
        var settings = new Dictionary<string, string?> { ["Data"] = _dir.Path, ["Sample:Events"] = "120" };
        if (allScenarios)
        {
            foreach (var name in new[] { "MarketsWithoutEvents", "ThinBestLevels", "GhostBooks", "MiddayResolutions" })
            {
                settings["Sample:Scenarios:" + name] = "true";
            }
        }

        return new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
    }

    public void Dispose() => _dir.Dispose();
}
