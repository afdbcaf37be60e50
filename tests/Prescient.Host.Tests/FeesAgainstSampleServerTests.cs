using Microsoft.Extensions.DependencyInjection;
using Prescient.Domain.Values;
using Prescient.Engine.Refresh;
using Prescient.Engine.Signals;
using Prescient.Engine.Storage;
using Prescient.Engine.Trading;
using Prescient.Sample.Server;

namespace Prescient.Host.Tests;

/// <summary>
/// Refresh → signals → execute over real HTTP against the sample server, on crypto Up/Down markets:
/// fees on, no fee schedule, so each fill is charged the CLOB base fee from <c>GET /fee-rate</c>.
/// </summary>
public sealed class FeesAgainstSampleServerTests
{
    [Fact]
    public async Task Execute_CryptoUpDownWithoutSchedule_IsChargedTheFeeRateBaseFee()
    {
        await using var world = await SampleWorld.StartAsync(
            new SampleServerOptions { Seed = 42 },
            new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero),
            new Dictionary<string, string?>
            {
                // Up/Down markets live less than a day; a lower threshold also buys NO above 0.5.
                ["Filters:MinDaysToEnd"] = "0",
                ["Strategy:Threshold"] = "0.35",
            });
        var (clock, server, runtime) = (world.Clock, world.Server, world.Runtime);

        await runtime.Services.GetRequiredService<RefreshService>().RefreshAsync(null, CancellationToken.None);
        await runtime.Services.GetRequiredService<SignalService>().GenerateAsync(CancellationToken.None);
        var result = await runtime.Services.GetRequiredService<ExecutionService>().ExecuteAsync(CancellationToken.None);

        var markets = (await runtime.Services.GetRequiredService<IMarketDataStore>().ReadMarketsAsync(CancellationToken.None))!.Markets;
        var crypto = markets.Where(m => m.FeesEnabled && m.FeeRate is null).ToDictionary(m => m.MarketId);
        var signals = (await runtime.Services.GetRequiredService<ITradingStore>().ReadSignalsAsync(CancellationToken.None))!.Signals;
        var trades = result.Trades.Where(t => crypto.ContainsKey(t.MarketId)).ToArray();
        Assert.Equal(3, trades.Length);
        Assert.DoesNotContain(result.Rejections, r => r.Reason == Domain.Trading.RejectionReason.FeeUnknown);

        // One /fee-rate per crypto signal's token, none for the sports schedules or the fee-free markets.
        Assert.Equal(signals.Where(s => crypto.ContainsKey(s.MarketId)).Select(s => s.TokenId).Distinct().Count(), server.Stats.Requests(SampleRoutes.FeeRate));

        // Dogecoin Up or Down, NO bought at 0.56: 165.56 × min(0.56, 0.44) × 1000 / 10,000 = 7.28464 USDC.
        // Gamma's takerBaseFee (1000) as a rate of the USDC traded would have been 165.56 × 0.56 × 0.1 = 9.27136.
        var dogecoin = Assert.Single(trades, t => t.MarketId.Value == "170012550");
        Assert.StartsWith("Dogecoin Up or Down", crypto[dogecoin.MarketId].Question, StringComparison.Ordinal);
        Assert.Equal(165.56m, dogecoin.Shares.Value);
        Assert.Equal(0.56m, dogecoin.Price.Value);
        Assert.Equal(92.7136m, dogecoin.Cost.Value);
        Assert.Equal(7.28464m, dogecoin.Fees.Value);

        // Every crypto fill here takes one level: shares × min(p, 1 − p) × base fee / 10,000, rounded up to 6 places.
        Assert.All(trades, t =>
        {
            Assert.Equal(t.Shares * t.Price, t.Cost);
            var baseFee = server.Universe.FindEvent(t.EventId.Value, clock.Now)!.Markets.Single(m => m.MarketId == t.MarketId.Value).BaseFeeBps;
            Assert.Equal(1000, baseFee);
            Assert.Equal(Math.Round(t.Shares.Value * Math.Min(t.Price.Value, 1m - t.Price.Value) * baseFee / 10_000m, 6, MidpointRounding.ToPositiveInfinity), t.Fees.Value);
        });
    }
}
