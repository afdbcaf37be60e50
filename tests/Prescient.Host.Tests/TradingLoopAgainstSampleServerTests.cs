using Microsoft.Extensions.DependencyInjection;
using Prescient.Domain.Positions;
using Prescient.Domain.Trading;
using Prescient.Domain.Values;
using Prescient.Engine.Cycle;
using Prescient.Engine.History;
using Prescient.Engine.Storage;
using Prescient.Sample.Server;

namespace Prescient.Host.Tests;

/// <summary>
/// The trader's day, repeated, over real HTTP against the sample server with its awkward upstream
/// behaviours on: Gamma market replies without their parent events, markets that close at any hour
/// and resolve hours later (between the morning cycle and the end of day), thin best levels and
/// ghost books. Every day must complete, every snapshot must add up, no resolved market may be
/// valued instead of settled, no fill may stray past its signal's ask + MaxSlippage, and no ghost
/// book may be a mark.
/// </summary>
public sealed class TradingLoopAgainstSampleServerTests
{
    [Fact]
    public async Task CycleAndEndOfDay_EveryDayWithEveryScenario_CompleteAddUpAndStayHeldToTheirSignals()
    {
        var scenarios = ScenarioOptions.All;
        await using var world = await SampleWorld.StartAsync(
            new SampleServerOptions { Events = 60, Seed = 11, Scenarios = scenarios }, new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        var (clock, server, runtime) = (world.Clock, world.Server, world.Runtime);
        var cycle = runtime.Services.GetRequiredService<CycleService>();
        var endOfDay = runtime.Services.GetRequiredService<EndOfDayService>();
        var trading = runtime.Services.GetRequiredService<ITradingStore>();
        var pendingMarks = 0;
        var settledAtEndOfDay = 0;
        var flaggedMarks = 0;

        for (var day = 0; day < 12; day++)
        {
            var morning = await cycle.RunAsync(null, CancellationToken.None);
            Assert.Equal(0, morning.LookupFailures);
            clock.Now += TimeSpan.FromHours(9);
            var evening = await endOfDay.RunAsync(CancellationToken.None);
            Assert.False(evening.AlreadyRecorded);
            Assert.Equal(0, evening.LookupFailures);
            settledAtEndOfDay += evening.Settlements.Count;

            var portfolio = (await trading.ReadPortfolioAsync(CancellationToken.None))!;
            Assert.Equal(evening.Snapshot.Equity, portfolio.Equity);
            Assert.Equal(portfolio.Cash + portfolio.Positions.Sum(p => p.Shares * p.Mark), portfolio.Equity);
            foreach (var position in portfolio.Positions)
            {
                var market = server.Universe.FindEvent(position.EventId.Value, clock.Now)!.Markets.Single(m => m.MarketId == position.MarketId.Value);
                Assert.True(market.YesPayout is null, $"day {day}: market {position.MarketId} has resolved but is still held at the end of day");
                Assert.NotEqual(0.01m, position.Mark);
                if (position.MarkFlag is not null)
                {
                    Assert.NotEqual(MarkSource.BestBid, position.MarkSource);
                    flaggedMarks++;
                }

                if (market.Closed)
                {
                    Assert.Equal(MarkSource.ResolutionPending, position.MarkSource);
                    Assert.NotEqual(MarkSource.Entry, position.MarkSource);
                    pendingMarks++;
                }
            }

            clock.Now += TimeSpan.FromHours(15);
        }

        Assert.True(settledAtEndOfDay > 0, "no held market resolved between a cycle and its end of day");
        Assert.True(pendingMarks > 0, "no held market was ever closed with its resolution pending at an end of day");
        Assert.True(flaggedMarks > 0, "no held token ever had a ghost book at an end of day");
        var ledger = await trading.Ledger.ReadAllAsync(CancellationToken.None);
        var buys = ledger.Where(t => t.Kind == TradeKind.Buy).ToArray();
        Assert.NotEmpty(buys);
        Assert.All(buys, b => Assert.True(b.Price.Value - b.SignalPrice?.Value <= 0.02m, $"{b.TradeId} filled at {b.Price}, signal ask {b.SignalPrice}"));
        var settlements = ledger.Where(t => t.Kind == TradeKind.Settlement).ToArray();
        Assert.Equal(settlements.Length, settlements.Select(s => s.MarketId).Distinct().Count());
        foreach (var settlement in settlements)
        {
            var market = server.Universe.FindEvent(settlement.EventId.Value, settlement.ExecutedAt)!.Markets.Single(m => m.MarketId == settlement.MarketId.Value);
            var yes = Assert.IsType<decimal>(market.YesPayout);
            Assert.Equal(settlement.TokenId.Value == market.YesTokenId ? yes : 1m - yes, settlement.Price.Value);
        }
    }
}
