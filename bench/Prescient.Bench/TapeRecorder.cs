using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Prescient.Domain.Ids;
using Prescient.Engine.Markets;
using Prescient.Engine.Refresh;
using Prescient.Host.Hosting;
using Prescient.Sample.Server;
using Prescient.Storage.Files;
using Prescient.Storage.Files.Json;

namespace Prescient.Bench;

/// <summary>
/// <c>record-tape [--seed 42] [--events 12] [--days 20] --out FILE</c>: records the sample market day
/// by day at 09:00 UTC through a real refresh — the extracted markets and quotes exactly as the
/// files hold them, and a lookup (Gamma + CLOB resolution view) of every market seen so far — into
/// one JSON tape. The golden replay test runs the default strategy and the paper engine over it.
/// </summary>
internal static class TapeRecorder
{
    public static async Task<int> RunAsync(string[] args)
    {
        var seed = BenchSetup.Arg(args, "--seed", 42);
        var events = BenchSetup.Arg(args, "--events", 12);
        var days = BenchSetup.Arg(args, "--days", 20);
        var at = Array.IndexOf(args, "--out");
        if (at < 0 || at + 1 >= args.Length)
        {
            Console.Error.WriteLine("error: record-tape needs --out FILE");
            return 2;
        }

        var output = args[at + 1];
        var ct = CancellationToken.None;
        var time = new ManualTime(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
        await using var server = await SampleServer.StartAsync(new SampleServerOptions { Seed = seed, Events = events }, time, ct);
        var data = BenchSetup.TempData("prescient-tape-");
        var configuration = BenchSetup.Configuration(data, server);
        try
        {
            await using var runtime = await PrescientRuntime.StartAsync(configuration, _ => { }, ct, time);
            var tape = await RecordAsync(runtime, new DataFolder(data), time, days, ct);
            tape["seed"] = seed;
            tape["events"] = events;
            await File.WriteAllTextAsync(output, tape.ToJsonString(), ct);
            Console.WriteLine(FormattableString.Invariant($"recorded {days} days ({new FileInfo(output).Length / 1024} KiB) to {output}"));
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }

        return 0;
    }

    private static async Task<JsonObject> RecordAsync(PrescientRuntime runtime, DataFolder folder, ManualTime time, int days, CancellationToken ct)
    {
        var refresh = runtime.Services.GetRequiredService<RefreshService>();
        var source = runtime.Services.GetRequiredService<IMarketSource>();
        var seen = new Dictionary<MarketId, (EventId Event, ConditionId Condition)>();
        var recorded = new JsonArray();
        for (var day = 0; day < days; day++)
        {
            await refresh.RefreshAsync(null, ct);
            var markets = JsonNode.Parse(await File.ReadAllTextAsync(folder.FilteredMarkets, ct))!["markets"]!.DeepClone().AsArray();
            var quotes = JsonNode.Parse(await File.ReadAllTextAsync(folder.MarketCache, ct))!["quotes"]!.DeepClone().AsArray();
            foreach (var market in markets)
            {
                seen.TryAdd(MarketId.Create((string)market!["market_id"]!), (EventId.Create((string)market["event_id"]!), ConditionId.Create((string)market["condition_id"]!)));
            }

            var lookups = new JsonArray();
            foreach (var (market, (eventId, condition)) in seen.OrderBy(m => m.Key))
            {
                if (await source.LookupMarketAsync(market, eventId, condition, ct) is { } lookup)
                {
                    lookups.Add(JsonSerializer.SerializeToNode(lookup, PrescientJson.Options));
                }
            }

            recorded.Add(new JsonObject
            {
                ["at"] = time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
                ["markets"] = markets,
                ["quotes"] = quotes,
                ["lookups"] = lookups,
            });
            time.Advance(TimeSpan.FromDays(1));
        }

        return new JsonObject { ["days"] = recorded };
    }
}
