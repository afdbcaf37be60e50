using Microsoft.Extensions.DependencyInjection;
using Prescient.Domain.Trading;
using Prescient.Domain.Values;
using Prescient.Engine.Refresh;
using Prescient.Engine.Signals;
using Prescient.Engine.Storage;
using Prescient.Engine.Trading;
using Prescient.Sample.Server;

namespace Prescient.Host.Tests;

/// <summary>
/// Refresh and signals at 09:00, execute at 10:00, over real HTTP against the sample server with thin
/// best levels and ghost books: no fill strays past the signal's ask + the slippage allowance, and every
/// signal whose market shows a ghost book at execution is refused with the code that names it.
/// </summary>
public sealed class ExecutionAgainstSampleServerTests
{
    [Fact]
    public async Task Execute_ThinBestLevelsAndGhostBooks_FillsStayNearTheSignalAndGhostMarketsAreRefused()
    {
        var signalTime = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
        var scenarios = new ScenarioOptions { ThinBestLevels = true, GhostBooks = true };
        await using var world = await SampleWorld.StartAsync(new SampleServerOptions { Events = 1_500, Seed = 7, Scenarios = scenarios }, signalTime);
        var (server, clock) = (world.Server, world.Clock);
        await world.Services.GetRequiredService<RefreshService>().RefreshAsync(null, CancellationToken.None);
        var signals = (await world.Services.GetRequiredService<SignalService>().GenerateAsync(CancellationToken.None)).Snapshot.Signals;
        var markets = (await world.Services.GetRequiredService<IMarketDataStore>().ReadMarketsAsync(CancellationToken.None))!.Markets.ToDictionary(m => m.MarketId);

        clock.Now = signalTime.AddHours(1);
        var result = await world.Services.GetRequiredService<ExecutionService>().ExecuteAsync(CancellationToken.None);

        // A ghost book never makes a signal: its YES mid is 0.50 (not above the threshold), its NO spread 0.98.
        var other = signals.ToDictionary(s => s.SignalId, s => BookGuard.ComplementOf(markets[s.MarketId].ToMarket(), s.TokenId)!.Value.Value);
        Assert.DoesNotContain(signals, s => server.HasGhostBook(s.TokenId.Value, signalTime) || server.HasGhostBook(other[s.SignalId], signalTime));

        var slippage = new TradingOptions().MaxSlippage;
        Assert.NotEmpty(result.Trades);
        Assert.All(result.Trades, t =>
        {
            var signal = signals.Single(s => s.SignalId == t.SignalId);
            Assert.Equal(signal.Price.Value, t.SignalPrice?.Value);
            Assert.True(t.Price.Value <= signal.Price.Value + slippage, $"{t.TradeId} averaged {t.Price}, past the signal's ask {signal.Price.Value} + {slippage}");
            Assert.Equal(t.Price.Value - signal.Price.Value, t.Drift?.Value);
        });

        var rejected = result.Rejections.ToDictionary(r => r.SignalId);
        var ghostOwn = signals.Where(s => server.HasGhostBook(s.TokenId.Value, clock.Now)).ToArray();
        var ghostOther = signals.Where(s => server.HasGhostBook(other[s.SignalId], clock.Now)).ToArray();
        Assert.NotEmpty(ghostOwn);
        Assert.NotEmpty(ghostOther);
        Assert.All(ghostOwn, s => Assert.Equal(RejectionReason.QuoteMismatch, rejected[s.SignalId].Reason));
        Assert.All(ghostOther, s => Assert.Equal(RejectionReason.ComplementMismatch, rejected[s.SignalId].Reason));
        Assert.Equal(ghostOwn.Length, result.RejectionsByReason[RejectionReason.QuoteMismatch]);
        Assert.Equal(ghostOther.Length, result.RejectionsByReason[RejectionReason.ComplementMismatch]);

        var ledger = await world.Services.GetRequiredService<ITradingStore>().Ledger.ReadAllAsync(CancellationToken.None);
        Assert.Equal(result.Trades, ledger);
    }
}
