using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Options;
using Prescient.Domain.Ids;
using Prescient.Engine.Backtest;
using Prescient.Engine.Extraction;
using Prescient.Engine.MarketHistory;
using Prescient.Engine.Signals;
using Prescient.Engine.Trading;

namespace Prescient.Bench;

/// <summary>
/// <c>backtest [markets] [days] [threshold]</c>: hourly prices of N binary markets (a deterministic walk, one
/// event per 3 markets) replayed hour by hour through <see cref="BacktestEngine"/> (threshold strategy + paper
/// executor; threshold 0.50 by default, 0.99 for a replay that signals nothing) on one thread, month by month
/// as the service loads them. Baseline in the same run: the same points through the cursors alone (no strategy, no executor). Prints updates per second (of wall
/// time, and of processor time: the process's, the collector's threads included, less the time spent
/// generating the points), the collections each run made, and the peak working set.
/// </summary>
internal static class BacktestBenchmark
{
    public static Task<int> RunAsync(string[] args)
    {
        var markets = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000;
        var days = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 365;
        var threshold = args.Length > 3 ? decimal.Parse(args[3], CultureInfo.InvariantCulture) : new ThresholdStrategyOptions().Threshold;
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var rows = Enumerable.Range(1, markets).Select(i => Row(i, start)).ToArray();
        foreach (var withStrategy in new[] { false, true })
        {
            var replay = rows.Select(r => new ReplayMarket(r, r.YesTokenId!.Value, null, null)).ToArray();
            var strategy = withStrategy ? new ThresholdStrategy(Options.Create(new ThresholdStrategyOptions { Threshold = threshold })) : (IStrategy)new Idle();
            var options = new BacktestOptions { Step = TimeSpan.FromHours(1) };
            var engine = new BacktestEngine(strategy, new PaperExecutor(Options.Create(new TradingOptions()), strategy), new SyntheticBookModel(options), replay, 10_000m, "bench");
            var buffer = new HistoryPoint[31 * 24];
            var gcs = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
            var paused = GC.GetTotalPauseDuration();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            var loadTime = TimeSpan.Zero;
            HistoryMonth? loaded = null;
            var end = start.AddDays(days);
            for (var now = start; now < end; now += options.Step)
            {
                if (HistoryMonth.Of(now) is var month && month != loaded)
                {
                    var load = Stopwatch.StartNew();
                    for (var i = 0; i < replay.Length; i++)
                    {
                        var n = Fill(buffer, i, month.Start, month.End < end ? month.End : end);
                        replay[i].Load(buffer.AsSpan(0, n));
                    }

                    loadTime += load.Elapsed;
                    loaded = month;
                }

                engine.Step(now);
            }

            engine.Finish(end);
            var replayTime = watch.Elapsed - loadTime;
            var processor = Process.GetCurrentProcess().TotalProcessorTime - cpu - loadTime;
            Console.WriteLine(FormattableString.Invariant(
                $"{(withStrategy ? "strategy + paper engine" : "baseline (cursors only)"),-26} markets {markets:N0} × {days} days hourly: {engine.PointsPassed:N0} updates in {replayTime.TotalSeconds:0.00} s = {engine.PointsPassed / replayTime.TotalSeconds:N0} updates/s ({processor.TotalSeconds:0.00} processor-s = {engine.PointsPassed / processor.TotalSeconds:N0} per processor-second); GCs gen0/1/2 {GC.CollectionCount(0) - gcs.Item1}/{GC.CollectionCount(1) - gcs.Item2}/{GC.CollectionCount(2) - gcs.Item3} pausing {(GC.GetTotalPauseDuration() - paused).TotalSeconds:0.00} s; {engine.MarketEvaluations:N0} market evaluations; {engine.Signals:N0} signals; {engine.Trades.Count:N0} records; generating the points {loadTime.TotalSeconds:0.00} s; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024:N0} MB"));
        }

        return Task.FromResult(0);
    }

    internal static int Fill(HistoryPoint[] buffer, int market, DateTimeOffset from, DateTimeOffset to)
    {
        var n = 0;
        for (var t = from; t < to; t = t.AddHours(1))
        {
            var hour = (long)(t - DateTimeOffset.UnixEpoch).TotalHours;
            var wave = (int)((hour * (market + 7) % 97) - 48);
            buffer[n++] = new HistoryPoint(t.ToUnixTimeSeconds(), 0.50m + (wave / 200m));
        }

        return n;
    }

    internal static MarketRow Row(int i, DateTimeOffset now)
    {
        var id = i.ToString(CultureInfo.InvariantCulture);
        return new MarketRow
        {
            EventId = EventId.Create("e" + (i / 3).ToString(CultureInfo.InvariantCulture)),
            MarketId = MarketId.Create(id),
            ConditionId = ConditionId.Create("0x" + id.PadLeft(64, '0')),
            Question = "Market " + id,
            Outcomes = ["Yes", "No"],
            YesTokenId = TokenId.Create("1" + id.PadLeft(76, '0')),
            NoTokenId = TokenId.Create("2" + id.PadLeft(76, '0')),
            Liquidity = 5_000m + i,
            EndDate = now.AddYears(1),
            Active = true,
            AcceptingOrders = true,
            EnableOrderBook = true,
            TickSize = 0.01m,
            MinOrderSize = 5m,
        };
    }

    /// <summary>A strategy that signals nothing: the baseline.</summary>
    private sealed class Idle : IStrategy
    {
        public string Name => "idle";

        public IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>();

        public StrategyResult Generate(StrategyContext context) => new([], []);

        public SkippedMarket? Recheck(Domain.Signals.Signal signal, Domain.Markets.Market market, Domain.Books.OrderBook yes, Domain.Books.OrderBook no, Domain.Positions.Portfolio portfolio, DateTimeOffset now) => null;
    }
}
