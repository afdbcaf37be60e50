using System.Diagnostics;
using System.Globalization;
using System.Text;
using Prescient.Domain.Ids;
using Prescient.Engine.Quotes;
using Prescient.Polymarket.Feed;

namespace Prescient.Bench;

/// <summary>
/// <c>feed-memory [--tokens 20000] [--levels 15] [--per-connection 500]</c>: what subscribed books
/// cost. A real <see cref="MarketFeedClient"/> subscribes to the tokens against a loopback market
/// channel (Kestrel, 127.0.0.1; 40 connections of 500 by default); each connection answers with an
/// initial dump of one book per token in the recorded shape (<c>--levels</c> bids and asks each). The
/// sink does what the host does (<c>ToOrderBook()</c> into <see cref="LiveBooks"/>). Managed heap
/// after a full GC (<see cref="GC.GetTotalMemory(bool)"/>) and the process working set are printed
/// before subscribing, once every book arrived, and again after LiveBooks is cleared (the feed's own books alone).
/// </summary>
internal static class FeedMemoryBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var count = BenchSetup.Arg(args, "--tokens", 20_000);
        var levels = BenchSetup.Arg(args, "--levels", 15);
        var perConnection = BenchSetup.Arg(args, "--per-connection", 500);
        var random = new Random(42);
        var tokens = Enumerable.Range(0, count).Select(_ => FeedIds.Token(random)).ToArray();
        var markets = Enumerable.Range(0, (count + 1) / 2).Select(_ => FeedIds.Market(random)).ToArray();
        var marketOf = tokens.Select((t, i) => (t, markets[i / 2])).ToDictionary(p => p.t, p => p.Item2, StringComparer.Ordinal);
        var ids = tokens.Select(TokenId.Create).ToList();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var live = new LiveBooks(TimeProvider.System);
        var sink = new CountingSink(live, count);
        long largestDump = 0;
        await using var channel = await LoopbackMarketChannel.StartAsync((send, subscribed, ct) =>
        {
            var dump = Dump(subscribed, marketOf, levels, new Random(subscribed.Count));
            InterlockedMax(ref largestDump, dump.Length);
            return send(dump);
        });
        var before = Measure();
        var clock = Stopwatch.StartNew();
        await using var client = new MarketFeedClient(new MarketFeedOptions { Url = channel.Url, MaxTokensPerConnection = perConnection }, sink);
        client.Subscribe(ids);
        await sink.Done.Task.WaitAsync(cancel.Token);
        var arrived = clock.Elapsed;
        var after = Measure();
        var connections = client.Status().Shards.Count;
        live.Clear();
        var feedOnly = Measure();
        GC.KeepAlive(ids);
        Console.WriteLine(Invariant($"{count} tokens on {connections} connections, {levels} levels a side per book; all {count} snapshots in {arrived.TotalSeconds:0.0} s"));
        Console.WriteLine(Invariant($"largest initial dump frame: {largestDump / 1024} KiB (each connection's receive buffer grows to hold it and keeps that size)"));
        Report("before subscribing", before, before);
        Report("books held (feed + LiveBooks)", after, before);
        Report("feed alone (LiveBooks cleared)", feedOnly, before);
        Console.WriteLine(Invariant($"per token: {(after.Heap - before.Heap) / (double)count:0} bytes managed with LiveBooks, {(feedOnly.Heap - before.Heap) / (double)count:0} bytes the feed alone; working set {(after.WorkingSet - before.WorkingSet) / (double)count:0} bytes"));
        return 0;

        void Report(string label, (long Heap, long WorkingSet) at, (long Heap, long WorkingSet) from) =>
            Console.WriteLine(Invariant($"{label}: managed heap {at.Heap / 1048576.0:0.0} MiB (+{(at.Heap - from.Heap) / 1048576.0:0.0}), working set {at.WorkingSet / 1048576.0:0.0} MiB (+{(at.WorkingSet - from.WorkingSet) / 1048576.0:0.0})"));
    }

    private static void InterlockedMax(ref long target, long value)
    {
        var seen = Interlocked.Read(ref target);
        while (value > seen && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
            seen = Interlocked.Read(ref target);
        }
    }

    private static (long Heap, long WorkingSet) Measure()
    {
        var heap = GC.GetTotalMemory(forceFullCollection: true);
        using var process = Process.GetCurrentProcess();
        return (heap, process.WorkingSet64);
    }

    /// <summary>The initial dump: one <c>book</c> per token, bids ascending and asks descending as recorded.</summary>
    private static byte[] Dump(IReadOnlyList<string> tokens, Dictionary<string, string> marketOf, int levels, Random random)
    {
        var text = new StringBuilder("[");
        foreach (var token in tokens)
        {
            if (text.Length > 1)
            {
                text.Append(',');
            }

            var mid = random.Next(200, 800);
            text.Append(CultureInfo.InvariantCulture, $$"""{"market":"{{marketOf[token]}}","asset_id":"{{token}}","timestamp":"1767225600000","hash":"{{FeedIds.Hash(random)}}","bids":[""");
            for (var i = levels; i >= 1; i--)
            {
                text.Append(CultureInfo.InvariantCulture, $$"""{"price":"{{FeedIds.Price((mid - i) / 1000m)}}","size":"{{random.Next(5, 50_000)}}.{{random.Next(100):00}}"}""").Append(i > 1 ? "," : "");
            }

            text.Append("""],"asks":[""");
            for (var i = levels; i >= 1; i--)
            {
                text.Append(CultureInfo.InvariantCulture, $$"""{"price":"{{FeedIds.Price((mid + i) / 1000m)}}","size":"{{random.Next(5, 50_000)}}.{{random.Next(100):00}}"}""").Append(i > 1 ? "," : "");
            }

            text.Append("""],"tick_size":"0.001","last_trade_price":"0.5","event_type":"book"}""");
        }

        return Encoding.UTF8.GetBytes(text.Append(']').ToString());
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed class CountingSink(LiveBooks live, int expected) : IMarketFeedSink
    {
        private int _snapshots;

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void OnBook(IBookView book, bool isSnapshot)
        {
            live.Update(book.ToOrderBook());
            if (isSnapshot && Interlocked.Increment(ref _snapshots) == expected)
            {
                Done.TrySetResult();
            }
        }
    }
}
