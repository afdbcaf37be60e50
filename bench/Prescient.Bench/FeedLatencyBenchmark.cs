using System.Diagnostics;
using System.Globalization;
using System.Text;
using Prescient.Domain.Ids;
using Prescient.Engine.Positions;
using Prescient.Engine.Quotes;
using Prescient.Polymarket.Feed;

namespace Prescient.Bench;

/// <summary>
/// <c>feed-latency [--frames 20000] [--warmup 2000] [--rate 2000]</c>: the delay from a frame's send to
/// the updated mark. A loopback market channel (Kestrel, 127.0.0.1) sends one token's book, then
/// <c>price_change</c> frames at the given rate, each stamped with <see cref="Stopwatch.GetTimestamp"/>
/// just before the send (the frame's <c>timestamp</c> carries its sequence number). A real
/// <see cref="MarketFeedClient"/> receives them; its sink does what the host's LiveFeedService does
/// (<c>book.ToOrderBook()</c> into <see cref="LiveBooks"/>), reads the book back from LiveBooks, takes
/// the mark (<see cref="PortfolioValuation.MarkFrom(Prescient.Domain.Books.OrderBook)"/>: the best bid),
/// checks it and stamps the time. Frames alternately add and remove a bid above the best, so every frame moves the mark.
/// </summary>
internal static class FeedLatencyBenchmark
{
    private const long BaseMs = 1_767_225_600_000; // 2026-01-01, the epoch of the frames' timestamps

    public static async Task<int> RunAsync(string[] args)
    {
        var frames = BenchSetup.Arg(args, "--frames", 20_000);
        var warmup = BenchSetup.Arg(args, "--warmup", 2_000);
        var rate = BenchSetup.Arg(args, "--rate", 2_000);
        var total = warmup + frames;
        var random = new Random(42);
        var token = FeedIds.Token(random);
        var market = FeedIds.Market(random);
        var book = Encoding.UTF8.GetBytes(Invariant($$"""{"market":"{{market}}","asset_id":"{{token}}","timestamp":"{{BaseMs - 1}}","hash":"{{FeedIds.Hash(random)}}","bids":[{"price":"0.38","size":"500"},{"price":"0.39","size":"300"},{"price":"0.4","size":"100"}],"asks":[{"price":"0.62","size":"500"},{"price":"0.61","size":"300"},{"price":"0.6","size":"100"}],"event_type":"book"}"""));
        var payloads = Enumerable.Range(0, total).Select(seq => Frame(market, token, seq, FeedIds.Hash(random))).ToArray();
        var sent = new long[total];
        var marked = new long[total];
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(60 + (total / Math.Max(rate, 1))));
        var live = new LiveBooks(TimeProvider.System);
        var sink = new MarkingSink(live, marked, total);
        await using var channel = await LoopbackMarketChannel.StartAsync(async (send, tokens, ct) =>
        {
            await send(book);
            await sink.Snapshot.Task.WaitAsync(ct);
            var start = Stopwatch.GetTimestamp();
            for (var seq = 0; seq < total; seq++)
            {
                var due = start + (seq * Stopwatch.Frequency / rate);
                if (Stopwatch.GetTimestamp() < due - (Stopwatch.Frequency / 1000))
                {
                    await Task.Delay(Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due), ct);
                }

                sent[seq] = Stopwatch.GetTimestamp();
                await send(payloads[seq]);
            }
        });
        var clock = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        await using (var client = new MarketFeedClient(new MarketFeedOptions { Url = channel.Url }, sink))
        {
            client.Subscribe([TokenId.Create(token)]);
            await sink.Done.Task.WaitAsync(cancel.Token);
        }

        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        if (sink.WrongMarks != 0)
        {
            Console.Error.WriteLine(Invariant($"{sink.WrongMarks} marks were not the best bid the frame set"));
            return 1;
        }

        var delays = Enumerable.Range(warmup, frames).Select(i => Stopwatch.GetElapsedTime(sent[i], marked[i]).TotalMicroseconds).Order().ToArray();
        double At(double q) => delays[Math.Min(delays.Length - 1, (int)(q * delays.Length))];
        Console.WriteLine(Invariant($"{frames} price_change frames at {rate}/s after {warmup} warm-up frames, one token, loopback WebSocket (Kestrel) into MarketFeedClient, LiveBooks and the mark; {clock.Elapsed.TotalSeconds:0.0} s wall, {cpuSeconds:0.0} s processor (server and client)"));
        Console.WriteLine(Invariant($"send to updated mark: median {At(0.5):0} µs, p90 {At(0.9):0} µs, p99 {At(0.99):0} µs, p99.9 {At(0.999):0} µs, max {delays[^1]:0} µs; every mark checked"));
        return 0;
    }

    private static byte[] Frame(string market, string token, int seq, string hash)
    {
        // Even frames add a bid at 0.45 (the mark becomes 0.45), odd ones remove it (back to 0.4).
        var add = seq % 2 == 0;
        return Encoding.UTF8.GetBytes(Invariant($$"""{"market":"{{market}}","price_changes":[{"asset_id":"{{token}}","price":"0.45","size":"{{(add ? "10" : "0")}}","side":"BUY","hash":"{{hash}}","best_bid":"{{(add ? "0.45" : "0.4")}}","best_ask":"0.6"}],"timestamp":"{{BaseMs + seq}}","event_type":"price_change"}"""));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>LiveFeedService.OnBook, then the mark read back from LiveBooks, checked and timed.</summary>
    private sealed class MarkingSink(LiveBooks live, long[] marked, int total) : IMarketFeedSink
    {
        private int _count;

        public TaskCompletionSource Snapshot { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int WrongMarks { get; private set; }

        public void OnBook(IBookView book, bool isSnapshot)
        {
            if (book.NeedsResync)
            {
                return;
            }

            live.Update(book.ToOrderBook());
            if (isSnapshot)
            {
                Snapshot.TrySetResult();
                return;
            }

            var held = live.Get(book.TokenId, TimeSpan.FromMinutes(1));
            var mark = held is null ? null : PortfolioValuation.MarkFrom(held);
            var now = Stopwatch.GetTimestamp();
            var seq = (int)(book.Timestamp!.Value.ToUnixTimeMilliseconds() - BaseMs);
            marked[seq] = now;
            if (mark?.Price != (seq % 2 == 0 ? 0.45m : 0.4m))
            {
                WrongMarks++;
            }

            if (++_count == total)
            {
                Done.TrySetResult();
            }
        }
    }
}
