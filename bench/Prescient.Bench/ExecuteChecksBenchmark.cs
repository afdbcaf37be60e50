using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Prescient.Domain.Books;
using Prescient.Domain.Ids;
using Prescient.Domain.Markets;
using Prescient.Domain.Positions;
using Prescient.Domain.Signals;
using Prescient.Domain.Values;
using Prescient.Engine.Extraction;
using Prescient.Engine.Markets;
using Prescient.Engine.Refresh;
using Prescient.Engine.Signals;
using Prescient.Engine.Storage;
using Prescient.Engine.Trading;
using Prescient.Host.Hosting;
using Prescient.Sample.Server;

namespace Prescient.Bench;

/// <summary>
/// <c>execute-checks [--events 300] [--samples 300] [--warmups 100]</c>: what holding a fill to its
/// signal costs per signal. A real refresh and signal run on the sample market, then the books of
/// both tokens of every signal's market fetched and parsed as <c>execute</c> does; the signals that
/// both paths fill are decided over and over by the executor without the new checks (the decision as
/// it was: the walk to the signal's limit price) and with them (signal age, the other book present and
/// fresh, <see cref="BookGuard"/>, the strategy's rule on the fresh books, the slippage limit, the
/// fill fraction), in alternation, so both see the same machine load. Prints the median time per
/// signal of each and the ratio of the medians.
/// </summary>
internal static class ExecuteChecksBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var events = BenchSetup.Arg(args, "--events", 300);
        var samples = BenchSetup.Arg(args, "--samples", 300);
        var warmups = BenchSetup.Arg(args, "--warmups", 100);
        var ct = CancellationToken.None;
        var time = new ManualTime(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        await using var server = await SampleServer.StartAsync(new SampleServerOptions { Events = events }, time, ct);
        var data = BenchSetup.TempData("prescient-bench-checks-");
        try
        {
            await using var runtime = await PrescientRuntime.StartAsync(BenchSetup.Configuration(data, server), _ => { }, ct, time);
            await runtime.Services.GetRequiredService<RefreshService>().RefreshAsync(null, ct);
            var signals = (await runtime.Services.GetRequiredService<SignalService>().GenerateAsync(ct)).Snapshot.Signals;
            var markets = (await runtime.Services.GetRequiredService<IMarketDataStore>().ReadMarketsAsync(ct))!.Markets.ToDictionary(m => m.MarketId, m => m.ToMarket());
            var books = await BooksAsync(runtime.Services.GetRequiredService<IMarketSource>(), signals, markets, ct);
            var options = runtime.Services.GetRequiredService<IOptions<TradingOptions>>();
            var strategy = runtime.Services.GetRequiredService<IStrategy>();
            var run = new Run(new PaperExecutor(options, strategy, signalChecks: false), new PaperExecutor(options, strategy), new Portfolio(Usdc.Create(options.Value.InitialCash)), time.GetUtcNow());
            var cases = signals
                .Select(s => new Case(s, markets[s.MarketId], books[s.TokenId], books[BookGuard.ComplementOf(markets[s.MarketId], s.TokenId)!.Value]))
                .Where(c => run.Decide(run.Today, c).IsTrade && run.Decide(run.Checked, c).IsTrade)
                .ToArray();
            Console.WriteLine(FormattableString.Invariant($"{events} events: {signals.Count} signals, {cases.Length} filled by both paths (timed), {samples} samples of all of them per path after {warmups} warm-ups"));
            Measure(run, cases, samples, warmups);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }

        return 0;
    }

    private static void Measure(Run run, Case[] cases, int samples, int warmups)
    {
        var today = new List<double>(samples);
        var checkedTimes = new List<double>(samples);
        for (var i = 0; i < warmups + samples; i++)
        {
            // Alternate which path goes first, so neither always runs on a cache the other warmed.
            var first = i % 2 == 0 ? run.Today : run.Checked;
            var a = Time(run, first, cases);
            var b = Time(run, first == run.Today ? run.Checked : run.Today, cases);
            if (i >= warmups)
            {
                today.Add(first == run.Today ? a : b);
                checkedTimes.Add(first == run.Today ? b : a);
            }
        }

        Report("without the checks (the decision before)", today);
        Report("with the checks", checkedTimes);
        var ratios = today.Zip(checkedTimes, (t, c) => c / t).ToList();
        Console.WriteLine(FormattableString.Invariant(
            $"ratio with / without: {Percentile(checkedTimes, 0.5) / Percentile(today, 0.5):0.00} (median of each); per sample p10 {Percentile(ratios, 0.1):0.00}, median {Percentile(ratios, 0.5):0.00}, p90 {Percentile(ratios, 0.9):0.00}"));
    }

    /// <summary>Microseconds per signal to decide every case once with <paramref name="executor"/>.</summary>
    private static double Time(Run run, PaperExecutor executor, Case[] cases)
    {
        var trades = 0;
        var clock = Stopwatch.StartNew();
        foreach (var c in cases)
        {
            trades += run.Decide(executor, c).IsTrade ? 1 : 0;
        }

        var elapsed = clock.Elapsed.TotalMicroseconds;
        if (trades != cases.Length)
        {
            throw new InvalidOperationException($"{cases.Length - trades} timed signals were not filled: the two paths no longer do the same work.");
        }

        return elapsed / cases.Length;
    }

    private static async Task<Dictionary<TokenId, OrderBook>> BooksAsync(IMarketSource source, IReadOnlyList<Signal> signals, Dictionary<MarketId, Market> markets, CancellationToken ct)
    {
        var tokens = signals.SelectMany(s => new[] { s.TokenId, BookGuard.ComplementOf(markets[s.MarketId], s.TokenId)!.Value }).Distinct().ToArray();
        var books = new Dictionary<TokenId, OrderBook>();
        await foreach (var batch in source.GetBooksAsync(tokens, null, ct))
        {
            foreach (var (token, book) in batch.Books)
            {
                books[token] = book;
            }
        }

        return books;
    }

    private static void Report(string label, List<double> microseconds) =>
        Console.WriteLine(FormattableString.Invariant(
            $"{label}: median {Percentile(microseconds, 0.5):0.00} µs per signal, p10 {Percentile(microseconds, 0.1):0.00}, p90 {Percentile(microseconds, 0.9):0.00}"));

    private static double Percentile(List<double> values, double fraction)
    {
        var sorted = values.Order().ToArray();
        return sorted[(int)Math.Round(fraction * (sorted.Length - 1))];
    }

    private sealed record Case(Signal Signal, Market Market, OrderBook Book, OrderBook Complement);

    /// <summary>The two executors, the (untouched) portfolio and the instant every decision is made at.</summary>
    private sealed record Run(PaperExecutor Today, PaperExecutor Checked, Portfolio Portfolio, DateTimeOffset Now)
    {
        public ExecutionDecision Decide(PaperExecutor executor, Case c) =>
            executor.Decide(c.Signal, c.Market, c.Book, c.Complement, Portfolio, Now, "sample");
    }
}
