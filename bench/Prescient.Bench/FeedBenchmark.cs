using System.Diagnostics;
using System.Globalization;
using Prescient.Domain.Ids;
using Prescient.Polymarket.Feed;

namespace Prescient.Bench;

/// <summary>
/// <c>feed [--frames 200000] [--passes 7] [--seed 42]</c>: level updates per second through the
/// market-feed parser and local books on one thread (one core). A generated tape of
/// <c>price_change</c> frames in the recorded 2026 shape (see <see cref="FeedTape"/>) is parsed and
/// applied from the recorded initial dump, pass after pass; every change's top is checked against
/// the book, as live. Each pass is run twice, by the parser as built and by its general path alone
/// (the fast path off), alternating which goes first. Prints each pass, the median updates/s, the
/// ratio fast/general, the bytes allocated per update, and the recorded replay (dump and 109 real
/// price changes) for comparison.
/// </summary>
internal static class FeedBenchmark
{
    private delegate FrameResult ParseFrame(ReadOnlySpan<byte> frame, IMarketFrameHandler handler);

    private static ParseFrame Fast => new MarketFrameParser().Parse;

    private static ParseFrame General => new MarketFrameParser { FastPath = false }.Parse;

    public static Task<int> RunAsync(string[] args)
    {
        var frames = BenchSetup.Arg(args, "--frames", 200_000);
        var passes = BenchSetup.Arg(args, "--passes", 7);
        var seed = BenchSetup.Arg(args, "--seed", 42);
        var replay = ReplayFile();
        var tape = FeedTape.Create(replay, frames, seed);
        var bytes = tape.Frames.Sum(f => (long)f.Length);
        Console.WriteLine(Invariant($"tape: {tape.Frames.Count} price_change frames, {tape.Changes} level updates, {bytes / 1024 / 1024} MiB; {passes} passes after 2 warm-ups, one thread"));
        var rates = new List<double>();
        var wallRates = new List<double>();
        var generalRates = new List<double>();
        var ratios = new List<double>();
        for (var pass = 0; pass < passes + 2; pass++)
        {
            // Alternate which goes first, so neither always runs on a warmer (or quieter) machine.
            var generalFirst = pass % 2 == 1;
            var general = generalFirst ? Pass(tape, General) : default;
            var now = Pass(tape, Fast);
            general = generalFirst ? general : Pass(tape, General);
            foreach (var result in new[] { now, general })
            {
                if (result.Mismatches != 0 || result.Checks != tape.Changes)
                {
                    Console.Error.WriteLine(Invariant($"{result.Mismatches} top mismatches in {result.Checks} checks: the books are wrong"));
                    return Task.FromResult(1);
                }
            }

            if (pass >= 2)
            {
                rates.Add(now.Rate);
                wallRates.Add(now.WallRate);
                generalRates.Add(general.Rate);
                ratios.Add(now.Rate / general.Rate);
                Console.WriteLine(Invariant($"pass {pass - 1}: {now.Rate / 1e6:0.00} M updates per processor-second ({1e9 / now.Rate:0} ns each; wall clock {now.WallRate / 1e6:0.00} M/s), {now.AllocatedPerUpdate:0.0} bytes allocated per update, {now.Checks} top checks, 0 mismatches; general path alone {general.Rate / 1e6:0.00} M/s, fast/general {now.Rate / general.Rate:0.00}"));
            }
        }

        Console.WriteLine(Invariant($"median: {Median(rates) / 1e6:0.00} M level updates per processor-second, {Median(wallRates) / 1e6:0.00} M/s wall clock (parse + book + top check)"));
        Console.WriteLine(Invariant($"general path alone (fast path off), same passes: median {Median(generalRates) / 1e6:0.00} M/s; fast/general per pass: median {Median(ratios):0.00} ({ratios.Min():0.00}-{ratios.Max():0.00})"));
        var floor = ReaderFloor(tape);
        Console.WriteLine(Invariant($"parse + book + top check against the Utf8JsonReader floor of the same run: {Median(rates) / floor:0.00}"));
        ParseOnly(tape);
        BooksOnly(tape);
        Recorded(replay);
        return Task.FromResult(0);
    }

    /// <summary>One pass; the rate is per second of this process's processor time, so other load on the machine does not count against it.</summary>
    private static PassResult Pass(FeedTape tape, ParseFrame parse)
    {
        var keeper = new FeedBookKeeper(new NullSink());
        parse(tape.Dump, keeper);
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        foreach (var frame in tape.Frames)
        {
            parse(frame, keeper);
        }

        var seconds = clock.Elapsed.TotalSeconds;
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        var perUpdate = (GC.GetAllocatedBytesForCurrentThread() - allocated) / (double)keeper.LevelUpdates;
        return new PassResult(keeper.LevelUpdates / cpuSeconds, keeper.LevelUpdates / seconds, perUpdate, keeper.TopChecks, keeper.TopMismatches);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    /// <summary>The books alone: the tape's changes parsed once into a list, then applied (with the top check) pass after pass.</summary>
    private static void BooksOnly(FeedTape tape)
    {
        var capture = new CountingHandler(keep: true);
        var parser = new MarketFrameParser();
        foreach (var frame in tape.Frames)
        {
            parser.Parse(frame, capture);
        }

        var best = double.MaxValue;
        for (var pass = 0; pass < 5; pass++)
        {
            var keeper = new FeedBookKeeper(new NullSink());
            parser.Parse(tape.Dump, keeper);
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            foreach (var change in capture.Kept)
            {
                keeper.OnPriceChange(change);
            }

            best = Math.Min(best, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
        }

        Console.WriteLine(Invariant($"books only: {capture.Kept.Count / best / 1e6:0.00} M level updates per processor-second (best of 5)"));
    }

    /// <summary>Utf8JsonReader reading every token and nothing else: the floor under any parser built on it.</summary>
    /// <returns>The floor's rate, changes per processor-second.</returns>
    private static double ReaderFloor(FeedTape tape)
    {
        var best = double.MaxValue;
        long tokens = 0;
        for (var pass = 0; pass < 5; pass++)
        {
            tokens = 0;
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            foreach (var frame in tape.Frames)
            {
                var reader = new System.Text.Json.Utf8JsonReader(frame);
                while (reader.Read())
                {
                    tokens++;
                }
            }

            best = Math.Min(best, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
        }

        Console.WriteLine(Invariant($"Utf8JsonReader alone over the tape: {tape.Changes / best / 1e6:0.00} M changes/s of processor time ({tokens} tokens a pass, best of 5)"));
        return tape.Changes / best;
    }

    /// <summary>The parser alone, handing changes to a handler that drops them (what the books add is the difference), best of 9, fast and general path alternating.</summary>
    private static void ParseOnly(FeedTape tape)
    {
        var fast = new List<double>();
        var general = new List<double>();
        for (var round = 0; round < 9; round++)
        {
            var generalFirst = round % 2 == 1;
            var generalSeconds = generalFirst ? ParseSeconds(tape, General) : 0;
            fast.Add(ParseSeconds(tape, Fast));
            general.Add(generalFirst ? generalSeconds : ParseSeconds(tape, General));
        }

        Console.WriteLine(Invariant($"parse only: {tape.Changes / fast.Min() / 1e6:0.00} M changes per processor-second (best of 9; median {tape.Changes / Median(fast) / 1e6:0.00}); general path alone {tape.Changes / general.Min() / 1e6:0.00} (median {tape.Changes / Median(general) / 1e6:0.00})"));
    }

    private static double ParseSeconds(FeedTape tape, ParseFrame parse)
    {
        var handler = new CountingHandler();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        foreach (var frame in tape.Frames)
        {
            parse(frame, handler);
        }

        return (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
    }

    /// <summary>The real recording: the 24-book dump then its 109 price changes, 2,000 times over.</summary>
    private static void Recorded(string replay)
    {
        var all = File.ReadAllText(replay).Split(";;").Select(f => f.Trim()).Where(f => f.Length > 0).ToArray();
        var dump = System.Text.Encoding.UTF8.GetBytes(all[0]);
        var changes = all.Where(f => f.Contains("\"price_change\"", StringComparison.Ordinal)).Select(System.Text.Encoding.UTF8.GetBytes).ToArray();
        var parser = new MarketFrameParser();
        var clock = new Stopwatch();
        long updates = 0;
        long snapshots = 0;
        for (var i = 0; i < 2_000; i++)
        {
            var keeper = new FeedBookKeeper(new NullSink());
            clock.Start();
            parser.Parse(dump, keeper);
            foreach (var frame in changes)
            {
                parser.Parse(frame, keeper);
            }

            clock.Stop();
            updates += keeper.LevelUpdates;
            snapshots += keeper.Books.Count;
        }

        Console.WriteLine(Invariant($"recorded replay: {snapshots} book snapshots ({dump.Length} bytes per dump of 24) and {updates} level updates in {clock.Elapsed.TotalMilliseconds:0} ms: {(snapshots + updates) / clock.Elapsed.TotalSeconds / 1e6:0.00} M messages/s, dumps dominating"));
    }

    private static string ReplayFile()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "fixtures", "polymarket", "ws", "ws_public_replay_2026-05.txt");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("fixtures/polymarket/ws/ws_public_replay_2026-05.txt not found above " + AppContext.BaseDirectory);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private readonly record struct PassResult(double Rate, double WallRate, double AllocatedPerUpdate, long Checks, long Mismatches);

    private sealed class CountingHandler(bool keep = false) : IMarketFrameHandler
    {
        public long Changes { get; private set; }

        public List<PriceChange> Kept { get; } = [];

        public void OnBook(in BookSnapshot book, ReadOnlySpan<PriceLevel> bids, ReadOnlySpan<PriceLevel> asks)
        {
        }

        public void OnPriceChange(in PriceChange change)
        {
            Changes++;
            if (keep)
            {
                Kept.Add(change);
            }
        }

        public void OnTickSizeChange(in TickSizeChange change)
        {
        }

        public void OnLastTrade(in LastTrade trade)
        {
        }

        public void OnTopOfBook(in TopOfBook top)
        {
        }

        public void OnNewMarket(NewMarket market)
        {
        }

        public void OnMarketResolved(MarketResolved resolved)
        {
        }
    }

    private sealed class NullSink : IMarketFeedSink
    {
        public void OnBook(IBookView book, bool isSnapshot)
        {
        }
    }
}
