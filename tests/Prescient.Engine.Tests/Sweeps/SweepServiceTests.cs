using System.Globalization;
using Microsoft.Extensions.Options;
using Prescient.Engine.Backtest;
using Prescient.Engine.MarketHistory;
using Prescient.Engine.Signals;
using Prescient.Engine.Storage;
using Prescient.Engine.Sweeps;
using Prescient.Engine.Tests.Backtest;
using Prescient.Engine.Trading;
using Prescient.Testing;
using Prescient.Testing.Fakes;

namespace Prescient.Engine.Tests.Sweeps;

public sealed class SweepServiceTests
{
    private static readonly BacktestRequest Range = new(new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 20));

    [Fact]
    public async Task RunAsync_EachPoint_EqualsASingleBacktestWithItsSettings()
    {
        var harness = Harness();
        var grid = SweepGrid.Parse(["threshold=0.45:0.65:0.05", "stake=50,100"], "threshold");

        var result = await Sweep(harness, grid, "return", parallelism: 2);

        Assert.Equal(10, result.Rows.Count);
        foreach (var row in result.Rows)
        {
            var options = ThresholdSweepBacktests.Options(row.Point.Settings);
            var single = await harness.Service(new ThresholdStrategy(Options.Create(options))).RunAsync(Range, harness.History, null, CancellationToken.None);
            var expected = SweepFigures.Of(single, BacktestStatistics.Compute(single));
            Assert.Equal(expected, row.Full);
            Assert.Equal(single.Days[^1].Equity, row.Full.FinalEquity);
        }

        Assert.Contains(result.Rows, r => r.Full.Trades > 0);
        Assert.True(result.Rows.Select(r => r.Full.FinalEquity).Distinct().Count() > 1, "the grid should move the result");
    }

    [Fact]
    public async Task RunAsync_InAndOutOfSample_EqualBacktestsOfTheirOwnRanges()
    {
        var harness = Harness();
        var grid = SweepGrid.Parse(["threshold=0.5,0.6"], "threshold");

        var result = await Sweep(harness, grid, "return", parallelism: 2, split: 0.6m);

        Assert.Equal(new DateOnly(2026, 1, 12), result.Request.Split.InSample.To);
        foreach (var row in result.Rows)
        {
            var service = harness.Service(new ThresholdStrategy(Options.Create(ThresholdSweepBacktests.Options(row.Point.Settings))));
            var inSample = await service.RunAsync(result.Request.Split.InSample, harness.History, null, CancellationToken.None);
            var outOfSample = await service.RunAsync(result.Request.Split.OutOfSample, harness.History, null, CancellationToken.None);
            Assert.Equal(SweepFigures.Of(inSample, BacktestStatistics.Compute(inSample)), row.InSample);
            Assert.Equal(SweepFigures.Of(outOfSample, BacktestStatistics.Compute(outOfSample)), row.OutOfSample);
            Assert.All(inSample.Trades, t => Assert.True(t.Trade.ExecutedAt < result.Request.Split.InSample.End));
            Assert.All(outOfSample.Trades, t => Assert.True(t.Trade.ExecutedAt >= result.Request.Split.OutOfSample.Start));
        }
    }

    [Fact]
    public async Task RunAsync_ManyThreadsOrOne_SameRowsInTheSameOrder()
    {
        var harness = Harness();
        var grid = SweepGrid.Parse(["threshold=0.40:0.70:0.05", "stake=25,50,100"], "threshold");

        var parallel = await Sweep(harness, grid, "sharpe", parallelism: 8);
        var serial = await Sweep(harness, grid, "sharpe", parallelism: 1);

        Assert.Equal(Text(serial), Text(parallel));
        Assert.Equal(serial.Overfit.BestInSample.Point.Index, parallel.Overfit.BestInSample.Point.Index);
    }

    [Theory]
    [InlineData("return")]
    [InlineData("sharpe")]
    [InlineData("trades")]
    [InlineData("max_drawdown")]
    public async Task RunAsync_Rows_SortedByTheMetricDescendingThenByPoint(string sort)
    {
        var harness = Harness();
        var metric = SweepMetric.Parse(sort);
        var result = await Sweep(harness, SweepGrid.Parse(["threshold=0.40:0.70:0.05", "stake=50,100"], "threshold"), sort, parallelism: 2);

        for (var i = 1; i < result.Rows.Count; i++)
        {
            var (before, after) = (metric.Of(result.Rows[i - 1].Full), metric.Of(result.Rows[i].Full));
            Assert.True(
                after is null || (before is not null && (before > after || (before == after && result.Rows[i - 1].Point.Index < result.Rows[i].Point.Index))),
                $"row {i}: {before} then {after}");
        }

        Assert.Equal(1, result.Rows.Min(r => r.InSampleRank));
        Assert.InRange(result.Overfit.OutOfSampleRank, 1, result.Rows.Count);
    }

    [Fact]
    public async Task RunAsync_InvalidPoint_OneLineNamingThePoint()
    {
        var harness = Harness();
        var grid = SweepGrid.Parse(["threshold=0.5,1.2"], "threshold");

        var error = await Assert.ThrowsAsync<SweepInputException>(() => Sweep(harness, grid, "return", parallelism: 2));

        Assert.Equal("grid point threshold=1.2: Strategy:Threshold must be at least 0 and less than 1 (a probability).", error.Message);
    }

    private static BacktestHarness Harness()
    {
        var harness = new BacktestHarness();
        for (var m = 1; m <= 8; m++)
        {
            var shift = m;
            harness.AddMarket("e" + (m % 4), m.ToString(CultureInfo.InvariantCulture), h => 0.35m + (((h * shift) % 45) / 100m), hours: 24 * (8 + m), resolvesYes: m % 2);
        }

        return harness;
    }

    private static Task<SweepResult> Sweep(BacktestHarness harness, SweepGrid grid, string sort, int parallelism, decimal split = 0.7m)
    {
        var store = new InMemoryMarketDataStore { Markets = new MarketsSnapshot(BacktestHarness.Start.AddDays(60), Markets.MarketSourceInfo.Sample, harness.Rows) };
        var service = new SweepService(new ThresholdSweepBacktests(), store, new FrozenClock(BacktestHarness.Start));
        var request = new SweepRequest(Range, "threshold", grid, SweepMetric.Parse(sort), WalkForwardSplit.Of(Range, split), parallelism);
        return service.RunAsync(request, harness.History, null, CancellationToken.None);
    }

    private static string[] Text(SweepResult result) =>
        [.. result.Rows.Select(r => $"{r.Point.Index} {r.Full} {r.InSample} {r.OutOfSample} {r.InSampleRank} {r.OutOfSampleRank}")];

    /// <summary>The threshold strategy's Threshold and Stake set from a point's keys; the rest at their defaults.</summary>
    private sealed class ThresholdSweepBacktests : ISweepBacktests
    {
        public static ThresholdStrategyOptions Options(IReadOnlyDictionary<string, string> settings) => new()
        {
            Threshold = settings.TryGetValue("Strategy:Threshold", out var t) ? decimal.Parse(t, CultureInfo.InvariantCulture) : 0.5m,
            Stake = settings.TryGetValue("Strategy:Stake", out var s) ? decimal.Parse(s, CultureInfo.InvariantCulture) : 100m,
        };

        public string? Validate(IReadOnlyDictionary<string, string> settings) => Options(settings).Validate();

        public Task<BacktestResult> RunAsync(IReadOnlyDictionary<string, string> settings, BacktestRequest request, IMarketDataStore store, IMarketHistory history, CancellationToken cancellationToken)
        {
            var strategy = new ThresholdStrategy(Microsoft.Extensions.Options.Options.Create(Options(settings)));
            var service = new BacktestService(store, [strategy], Microsoft.Extensions.Options.Options.Create(new TradingOptions()), Microsoft.Extensions.Options.Options.Create(new BacktestOptions()), new FrozenClock(BacktestHarness.Start));
            return service.RunAsync(request, history, null, cancellationToken);
        }
    }
}
