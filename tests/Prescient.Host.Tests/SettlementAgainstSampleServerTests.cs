using Microsoft.Extensions.DependencyInjection;
using Prescient.Domain.Trading;
using Prescient.Domain.Values;
using Prescient.Engine.Positions;
using Prescient.Engine.Refresh;
using Prescient.Engine.Signals;
using Prescient.Engine.Storage;
using Prescient.Engine.Trading;
using Prescient.Sample.Server;

namespace Prescient.Host.Tests;

/// <summary>
/// Twenty simulated days of refresh → signals → execute over real HTTP against the sample server:
/// held markets resolve as the days pass and must be settled at exactly the payout the universe's
/// ground truth gives, once, with the ledger and the portfolio agreeing at the end.
/// </summary>
public sealed class SettlementAgainstSampleServerTests
{
    [Fact]
    public async Task TwentyDays_HeldMarketsResolve_AreSettledAtTheTruePayout()
    {
        await using var world = await SampleWorld.StartAsync(new SampleServerOptions { Events = 40, Seed = 11 }, new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        var (clock, server, runtime) = (world.Clock, world.Server, world.Runtime);
        var refresh = runtime.Services.GetRequiredService<RefreshService>();
        var signals = runtime.Services.GetRequiredService<SignalService>();
        var execution = runtime.Services.GetRequiredService<ExecutionService>();

        for (var day = 0; day < 20; day++)
        {
            await refresh.RefreshAsync(null, CancellationToken.None);
            await signals.GenerateAsync(CancellationToken.None);
            await execution.ExecuteAsync(CancellationToken.None);
            clock.Now += TimeSpan.FromDays(1);
        }

        var ledger = await runtime.Services.GetRequiredService<ITradingStore>().Ledger.ReadAllAsync(CancellationToken.None);
        var settlements = ledger.Where(t => t.Kind == TradeKind.Settlement).ToArray();
        Assert.NotEmpty(settlements);
        foreach (var settlement in settlements)
        {
            var market = server.Universe.FindEvent(settlement.EventId.Value, settlement.ExecutedAt)!.Markets
                .Single(m => m.MarketId == settlement.MarketId.Value);
            var yes = Assert.IsType<decimal>(market.YesPayout);
            Assert.Equal(settlement.TokenId.Value == market.YesTokenId ? yes : 1m - yes, settlement.Price.Value);
            Assert.Equal(settlement.Shares * settlement.Price, settlement.Cost);
        }

        Assert.Equal(settlements.Length, settlements.Select(s => s.MarketId).Distinct().Count());
        var check = await runtime.Services.GetRequiredService<PortfolioRecovery>().RecoverAsync(CancellationToken.None);
        Assert.True(check.IsConsistent, string.Join("; ", check.Differences));
        var lastRun = clock.Now - TimeSpan.FromDays(1);
        foreach (var position in check.Rebuilt!.Positions)
        {
            var market = server.Universe.FindEvent(position.EventId.Value, lastRun)?.Markets.Single(m => m.MarketId == position.MarketId.Value);
            Assert.True(market?.YesPayout is null, $"market {position.MarketId} had resolved by the last run but is still held");
        }
    }
}
