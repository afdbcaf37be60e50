using Microsoft.Extensions.Options;
using Prescient.Domain.Books;
using Prescient.Domain.Markets;
using Prescient.Domain.Positions;
using Prescient.Domain.Signals;
using Prescient.Domain.Trading;
using Prescient.Domain.Values;
using Prescient.Engine.Backtest;
using Prescient.Engine.Signals;

namespace Prescient.Engine.Tests.Backtest;

public sealed class BacktestServiceTests
{
    [Fact]
    public async Task RunAsync_HeldMarketsResolve_SettleAtOneAndZeroThroughTheLedger()
    {
        var harness = new BacktestHarness();
        var loses = harness.AddMarket("e1", "1", _ => 0.70m, hours: 120, resolvesYes: 1m);
        var wins = harness.AddMarket("e2", "2", _ => 0.70m, hours: 120, resolvesYes: 0m);

        var result = await harness.RunAsync(days: 10);

        var buys = result.Trades.Where(t => t.Trade.Kind == TradeKind.Buy).ToArray();
        var settlements = result.Trades.Where(t => t.Trade.Kind == TradeKind.Settlement).ToArray();
        Assert.Equal(2, buys.Length);
        Assert.All(buys, b => Assert.Equal(FillModel.Synthetic, b.FillModel));
        Assert.All(buys, b => Assert.Equal(0.31m, b.Trade.BestPrice!.Value.Value));
        Assert.Equal(2, settlements.Length);
        Assert.All(settlements, s => Assert.Equal(FillModel.Resolution, s.FillModel));
        Assert.Equal(0m, settlements.Single(s => s.Trade.MarketId == loses.MarketId).Trade.Price.Value);
        Assert.Equal(1m, settlements.Single(s => s.Trade.MarketId == wins.MarketId).Trade.Price.Value);
        Assert.All(settlements, s => Assert.Equal(new DateTimeOffset(2026, 1, 6, 0, 0, 0, TimeSpan.Zero), s.Trade.ExecutedAt));

        // Ledger identity, and the ledger replays to the same cash.
        var ledger = result.Trades.Select(t => t.Trade).ToArray();
        var cash = 10_000m - buys.Sum(b => b.Trade.Cost.Value + b.Trade.Fees.Value) + settlements.Sum(s => s.Trade.Cost.Value);
        Assert.Equal(cash, Portfolio.Replay(Usdc.Create(10_000m), ledger).Cash.Value);
        Assert.Equal(cash, result.Days[^1].Equity);
        Assert.Equal(10, result.Days.Count);

        var summary = BacktestStatistics.Compute(result);
        Assert.Equal(0.5m, summary.WinRate);
        Assert.Equal(2, summary.Settlements);
        Assert.Equal(0, summary.OpenPositions);
    }

    [Fact]
    public async Task RunAsync_SameInputsTwice_GivesTheSameTradesAndDays()
    {
        var harness = new BacktestHarness();
        for (var m = 1; m <= 6; m++)
        {
            var shift = m;
            harness.AddMarket("e" + (m % 3), m.ToString(System.Globalization.CultureInfo.InvariantCulture), h => 0.40m + (((h * shift) % 40) / 100m), hours: 24 * 20, resolvesYes: m % 2);
        }

        var options = new BacktestOptions { Step = TimeSpan.FromHours(1) };
        var first = await harness.RunAsync(days: 25, options: options);
        var second = await harness.RunAsync(days: 25, options: options);

        Assert.NotEmpty(first.Trades);
        Assert.Equal(first.Trades.Select(t => t.ToString()), second.Trades.Select(t => t.ToString()));
        Assert.Equal(first.Days.Select(d => d.ToString()), second.Days.Select(d => d.ToString()));
        Assert.Equal(BacktestStatistics.Compute(first).ToString(), BacktestStatistics.Compute(second).ToString());
    }

    [Fact]
    public async Task RunAsync_FuturePeekingStrategy_IsRefusedTheFutureAndCannotProfit()
    {
        var harness = new BacktestHarness();
        harness.AddMarket("e1", "1", h => 0.70m - (h / 240m), hours: 96, resolvesYes: 0m);
        harness.AddMarket("e2", "2", h => 0.70m + (h / 480m), hours: 96, resolvesYes: 1m);

        var peeker = new Peeker(oracle: null);
        var peeked = await harness.RunAsync(days: 8, strategy: peeker);

        Assert.True(peeker.Refusals > 0);
        Assert.False(peeker.SawTheFuture);
        Assert.Empty(peeked.Trades);
        Assert.Equal(10_000m, peeked.Days[^1].Equity);

        // The control: the same rule handed the future does profit, so the test above can fail.
        var oracle = new Peeker(oracle: harness.History);
        var cheated = await harness.RunAsync(days: 8, strategy: oracle);
        Assert.True(cheated.Days[^1].Equity > 10_000m);
    }

    /// <summary>The threshold rule restricted to markets whose YES price it believes will fall within a day: from the window (refused) or, as a control, from the history itself.</summary>
    private sealed class Peeker(Testing.Fakes.InMemoryMarketHistory? oracle) : IStrategy, IReadsPriceHistory
    {
        private readonly ThresholdStrategy _inner = new(Options.Create(new ThresholdStrategyOptions()));
        private PriceWindow? _window;

        public int Refusals { get; private set; }

        public bool SawTheFuture { get; private set; }

        public string Name => _inner.Name;

        public IReadOnlyDictionary<string, string> Settings => _inner.Settings;

        public void Attach(PriceWindow window) => _window = window;

        public StrategyResult Generate(StrategyContext context)
        {
            var later = context.Now.AddDays(1);
            var falling = context.Markets.Where(m => Future(m.YesTokenId!.Value, later, context.Now) is { } future && future < _window!.Latest(m.YesTokenId!.Value)).ToArray();
            return _inner.Generate(context with { Markets = falling });
        }

        public SkippedMarket? Recheck(Signal signal, Market market, OrderBook yes, OrderBook no, Portfolio portfolio, DateTimeOffset now) =>
            _inner.Recheck(signal, market, yes, no, portfolio, now);

        private decimal? Future(Domain.Ids.TokenId token, DateTimeOffset at, DateTimeOffset now)
        {
            if (_window!.Seen(token).ToArray().Any(p => p.Time > now))
            {
                SawTheFuture = true;
            }

            if (oracle is not null)
            {
                return oracle.Points[token].LastOrDefault(p => p.Time <= at).Price;
            }

            try
            {
                return _window.PriceAt(token, at);
            }
            catch (InvalidOperationException)
            {
                Refusals++;
                return null;
            }
        }
    }
}
