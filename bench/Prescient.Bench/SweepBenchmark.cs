using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Prescient.Domain.Ids;
using Prescient.Engine.Backtest;
using Prescient.Engine.Extraction;
using Prescient.Engine.MarketHistory;
using Prescient.Engine.Markets;
using Prescient.Engine.Storage;
using Prescient.Engine.Sweeps;
using Prescient.Host.Sweeps;

namespace Prescient.Bench;

/// <summary>
/// <c>sweep [markets] [days]</c>: a 100-point sweep (threshold 0.40–0.85 × stake 10–100, three backtests a
/// point: 300) of N hourly markets (the walk of <see cref="BacktestBenchmark"/>) through the real
/// <see cref="SweepService"/> and <see cref="ConfiguredSweepBacktests"/> (each point's configuration, options
/// and strategy built as <c>prescient sweep</c> builds them), on one core and then on all, in the same run,
/// after a small warm-up sweep. Prints both times, the ratio, and whether the two gave the same rows.
/// </summary>
internal static class SweepBenchmark
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static async Task<int> RunAsync(string[] args)
    {
        var markets = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100;
        var days = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 60;
        var rows = Enumerable.Range(1, markets).Select(i => BacktestBenchmark.Row(i, Start)).ToArray();
        var history = new WalkHistory(rows, Start.AddDays(days));
        var store = new Markets(new MarketsSnapshot(Start, MarketSourceInfo.Sample, rows));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("Backtest:Step", "01:00:00")]).Build();
        var service = new SweepService(new ConfiguredSweepBacktests(configuration, TimeProvider.System, NullLoggerFactory.Instance), store, TimeProvider.System);
        var range = new BacktestRequest(DateOnly.FromDateTime(Start.UtcDateTime), DateOnly.FromDateTime(Start.UtcDateTime).AddDays(days - 1));
        SweepRequest Request(string[] grid, int parallelism) =>
            new(range, "threshold", SweepGrid.Parse(grid, "threshold"), SweepMetric.Parse("sharpe"), WalkForwardSplit.Of(range, 0.7m), parallelism);

        await service.RunAsync(Request(["threshold=0.5,0.6", "stake=50,100"], Environment.ProcessorCount), history, null, CancellationToken.None);
        string[] grid = ["threshold=0.40:0.85:0.05", "stake=10:100:10"];
        var timings = new List<(int Parallelism, TimeSpan Time, SweepResult Result)>();
        foreach (var parallelism in new[] { 1, Environment.ProcessorCount })
        {
            var watch = Stopwatch.StartNew();
            var result = await service.RunAsync(Request(grid, parallelism), history, null, CancellationToken.None);
            timings.Add((parallelism, watch.Elapsed, result));
            Console.WriteLine(FormattableString.Invariant(
                $"{parallelism} at a time: {result.Rows.Count} points, {result.Backtests} backtests of {markets:N0} markets × {days} days hourly ({result.PointsHeld:N0} points held) in {watch.Elapsed.TotalSeconds:0.00} s = {result.Backtests / watch.Elapsed.TotalSeconds:0.0} backtests/s"));
        }

        var same = timings[0].Result.Rows.Select(Text).SequenceEqual(timings[1].Result.Rows.Select(Text));
        Console.WriteLine(FormattableString.Invariant(
            $"speed-up on {Environment.ProcessorCount} cores: {timings[0].Time / timings[1].Time:0.00}× (target ≥ 1.7× on 2 cores); same rows in the same order: {(same ? "yes" : "NO")}; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024:N0} MB"));
        return same ? 0 : 1;
    }

    private static string Text(SweepRow r) => $"{r.Point.Index} {r.Full} {r.InSample} {r.OutOfSample}";

    /// <summary>The hourly walk of every market's YES token up to <paramref name="end"/>, one chunk per month.</summary>
    private sealed class WalkHistory(MarketRow[] rows, DateTimeOffset end) : IMarketHistory
    {
        public string Name => "bench walk";

        public Task<IReadOnlyList<TokenId>> TokensAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<TokenId>>([.. rows.Select(r => r.YesTokenId!.Value).Order()]);

        public async IAsyncEnumerable<ReadOnlyMemory<HistoryPoint>> ReadAsync(TokenId token, DateTimeOffset from, DateTimeOffset to, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await Task.CompletedTask;
            var market = Array.FindIndex(rows, r => r.YesTokenId == token);
            to = to < end ? to : end;
            for (var month = HistoryMonth.Of(from); month.Start < to; month = month.Next)
            {
                var (a, b) = (month.Start < from ? from : month.Start, month.End < to ? month.End : to);
                var buffer = new HistoryPoint[31 * 24];
                var n = BacktestBenchmark.Fill(buffer, market, a, b);
                if (n > 0)
                {
                    yield return buffer.AsMemory(0, n);
                }
            }
        }

        public Task<HistoryResolution?> ResolutionAsync(TokenId token, CancellationToken cancellationToken) => Task.FromResult<HistoryResolution?>(null);
    }

    /// <summary>The refresh's markets, read-only.</summary>
    private sealed class Markets(MarketsSnapshot snapshot) : IMarketDataStore
    {
        public Task<MarketsSnapshot?> ReadMarketsAsync(CancellationToken cancellationToken) => Task.FromResult<MarketsSnapshot?>(snapshot);

        public Task<StoredFilteredEvents?> ReadFilteredEventsAsync(CancellationToken cancellationToken) => Task.FromResult<StoredFilteredEvents?>(null);

        public Task<QuotesSnapshot?> ReadQuotesAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IEventsWriter> BeginEventsAsync(EventsRun run, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IQuotesWriter> BeginQuotesAsync(QuotesRun run, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<string?> WriteDailyPricesAsync(QuotesSnapshot quotes, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
