using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Prescient.Domain.Ids;
using Prescient.Engine.Markets;
using Prescient.Engine.Refresh;
using Prescient.Host.Hosting;
using Prescient.Sample.Server;
using Prescient.Storage.Files;

namespace Prescient.Bench;

/// <summary>
/// <c>refresh [--events 3000] [--latency-ms 20] [--runs 5]</c>: a full <c>prescient refresh</c>
/// against the sample server with added latency, paired run by run with <see cref="RawFetch"/> of
/// the same pages and books. Prints requests per refresh, medians and the ratio.
/// </summary>
internal static class RefreshBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var events = BenchSetup.Arg(args, "--events", 3000);
        var latency = BenchSetup.Arg(args, "--latency-ms", 20);
        var runs = BenchSetup.Arg(args, "--runs", 5);
        var warmups = Math.Max(1, BenchSetup.Arg(args, "--warmups", 8));
        var ct = CancellationToken.None;

        await using var server = await SampleServer.StartAsync(
            new SampleServerOptions { Events = events, Faults = new FaultOptions { Latency = TimeSpan.FromMilliseconds(latency) } },
            TimeProvider.System,
            ct);
        var data = BenchSetup.TempData("prescient-bench-");
        var configuration = BenchSetup.Configuration(data, server);

        try
        {
            await using var runtime = await PrescientRuntime.StartAsync(configuration, _ => { }, ct);
            await MeasureAsync(server, runtime, data, latency, runs, warmups, ct);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }

        return 0;
    }

    private static async Task MeasureAsync(SampleServer server, PrescientRuntime runtime, string data, int latency, int runs, int warmups, CancellationToken ct)
    {
        var events = server.Universe.Options.Events;
        var refresh = runtime.Services.GetRequiredService<RefreshService>();
        var cold = Stopwatch.StartNew();
        var warm = await refresh.RefreshAsync(null, ct);
        var coldSeconds = cold.Elapsed.TotalSeconds;
        var tokens = QuotedTokens(new DataFolder(data));
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var raw = new RawFetch(http, pageSize: 500, batchSize: 500, concurrency: 4);
        cold.Restart();
        await raw.FetchAsync(tokens, ct);
        Console.WriteLine(FormattableString.Invariant(
            $"first in the process (JIT cold): refresh {coldSeconds:0.000} s, server alone {cold.Elapsed.TotalSeconds:0.000} s; {warmups - 1} more warm-up pairs (the JIT tiers up over several runs)"));
        for (var i = 1; i < warmups; i++)
        {
            await refresh.RefreshAsync(null, ct);
            await raw.FetchAsync(tokens, ct);
        }

        Console.WriteLine(FormattableString.Invariant(
            $"sample server: {events} events (~{warm.Events.EventsDiscovered} open), {latency} ms latency per request; refresh keeps {warm.Events.EventsKept} events, quotes {warm.Quotes.Tokens} tokens"));
        await ProbeSourceAsync(runtime.Services.GetRequiredService<IMarketSource>(), tokens, ct);
        var rawTimes = new List<double>();
        var refreshTimes = new List<double>();
        var ratios = new List<double>();
        long refreshRequests = 0;
        long rawRequests = 0;
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            (rawRequests, var rawPages, var rawBooks) = await raw.FetchAsync(tokens, ct);
            var rawSeconds = clock.Elapsed.TotalSeconds;

            var before = server.Stats.TotalRequests;
            clock.Restart();
            var result = await refresh.RefreshAsync(null, ct);
            var refreshSeconds = clock.Elapsed.TotalSeconds;
            refreshRequests = server.Stats.TotalRequests - before;

            rawTimes.Add(rawSeconds);
            refreshTimes.Add(refreshSeconds);
            ratios.Add(refreshSeconds / rawSeconds);
            Console.WriteLine(FormattableString.Invariant($"run {i + 1}: server alone {rawSeconds:0.000} s (pages {rawPages:0.000} s, books {rawBooks:0.000} s), refresh {refreshSeconds:0.000} s, ratio {refreshSeconds / rawSeconds:0.00} (events stage {result.Events.Duration.TotalSeconds:0.000} s, quotes stage {result.Quotes.Duration.TotalSeconds:0.000} s)"));
        }

        Console.WriteLine(FormattableString.Invariant(
            $"requests per refresh: {refreshRequests} (server-alone fetch: {rawRequests}); by route: {string.Join(", ", server.Stats.RequestsByRoute.Select(r => r.Key + "=" + r.Value.ToString(CultureInfo.InvariantCulture)))}"));
        Console.WriteLine(FormattableString.Invariant(
            $"median: server alone {Median(rawTimes):0.000} s, refresh {Median(refreshTimes):0.000} s, refresh/server-alone {Median(ratios):0.00} (min {ratios.Min():0.00}, max {ratios.Max():0.00})"));
        Console.WriteLine(FormattableString.Invariant($"refresh time per open event: {Median(refreshTimes) / warm.Events.EventsDiscovered * 1000:0.000} ms"));
    }

    /// <summary>Where the time goes: fetching and parsing alone, without filtering or writing.</summary>
    private static async Task ProbeSourceAsync(IMarketSource source, string[] tokens, CancellationToken ct)
    {
        var ids = tokens.Select(TokenId.Create).ToArray();
        for (var i = 0; i < 3; i++)
        {
            var probe = Stopwatch.StartNew();
            var events = 0;
            await foreach (var page in source.DiscoverOpenEventsAsync(null, ct))
            {
                events += page.Count;
            }

            var discoverSeconds = probe.Elapsed.TotalSeconds;
            probe.Restart();
            var books = 0;
            await foreach (var batch in source.GetBooksAsync(ids, null, ct))
            {
                books += batch.Books.Count;
            }

            Console.WriteLine(FormattableString.Invariant(
                $"probe: discovery alone {discoverSeconds:0.000} s ({events} events), books alone {probe.Elapsed.TotalSeconds:0.000} s ({books} books)"));
        }
    }

    private static string[] QuotedTokens(DataFolder folder)
    {
        var cache = JsonNode.Parse(File.ReadAllText(folder.MarketCache))!;
        return cache["quotes"]!.AsArray().Select(q => (string)q!["token_id"]!).Distinct().ToArray();
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
