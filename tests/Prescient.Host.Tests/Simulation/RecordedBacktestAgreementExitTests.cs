using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Prescient.Domain.Trading;
using Prescient.Engine.Backtest;
using Prescient.Engine.Backtest.Recorded;
using Prescient.Engine.Exits;
using Prescient.Engine.Storage;
using Prescient.Host.Hosting;
using Prescient.Host.Simulation;
using Prescient.Testing;

namespace Prescient.Host.Tests.Simulation;

/// <summary>
/// The agreement test with the exit rules on (the same <c>Exits</c> keys for both runs): the exits of
/// <c>simulate --record</c>, made in each morning's execution after its settlement pass, are made again by
/// <c>backtest --fills recorded</c> at the same instants against the same recorded books, so the two
/// ledgers, sells included, and the two portfolio histories are the same, field for field.
/// </summary>
public sealed class RecordedBacktestAgreementExitTests : IDisposable
{
    private static readonly DateOnly Start = new(2026, 1, 5);
    private readonly TempDirectory _dir = new();

    /// <summary>Each rule alone, and on the sample's hard cases too (thin best levels: partial sells; ghost books: refused bids; midday resolutions).</summary>
    public static TheoryData<string, string, bool> Rules => new()
    {
        { "TakeProfit", "0.05", false },
        { "StopLoss", "0.05", false },
        { "HoursBeforeEnd", "2400", false },
        { "TakeProfit", "0.05", true },
        { "StopLoss", "0.05", true },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public async Task BacktestOfARecordedSimulationWithExits_GivesItsSellsTradesAndEquity(string rule, string value, bool allScenarios)
    {
        const int days = 6;
        var configuration = Configuration(rule, value, allScenarios);
        await SimulationRunner.RunAsync(configuration, new SimulationOptions { Days = days, Start = Start, Record = true }, static _ => { }, null, CancellationToken.None);

        await using var runtime = await PrescientRuntime.StartAsync(configuration, static _ => { }, CancellationToken.None, market: MarketUse.None);
        var ledger = await runtime.Services.GetRequiredService<ITradingStore>().Ledger.ReadAllAsync(CancellationToken.None);
        var history = await runtime.Services.GetRequiredService<IHistoryStore>().ReadPortfolioHistoryAsync(CancellationToken.None);
        var result = await runtime.Services.GetRequiredService<RecordedBacktestService>()
            .RunAsync(new BacktestRequest(Start, Start.AddDays(days - 1)), null, CancellationToken.None);

        // The paper run sold by the rule under test, and bought again after it.
        var reason = Enum.Parse<ExitReason>(rule == "HoursBeforeEnd" ? "BeforeEnd" : rule);
        var sells = ledger.Where(t => t.Kind == TradeKind.Sell).ToArray();
        Assert.NotEmpty(sells);
        Assert.All(sells, s => Assert.Equal(reason, ExitIds.ReasonOf(s.SignalId)));

        Assert.Equal(ledger, result.Trades.Select(t => t.Trade));
        Assert.Equal(history, result.Days);
        Assert.All(result.Trades, t => Assert.Equal(t.Trade.Kind == TradeKind.Settlement ? FillModel.Resolution : FillModel.RecordedBook, t.FillModel));
        Assert.Equal(sells.Length, BacktestStatistics.Compute(result).Sells);
    }

    private IConfiguration Configuration(string rule, string value, bool allScenarios)
    {
        var settings = new Dictionary<string, string?> { ["Data"] = _dir.Path, ["Sample:Events"] = "120", ["Exits:" + rule] = value };
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
