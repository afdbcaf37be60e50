using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Prescient.Engine.Refresh;
using Prescient.Host.Hosting;
using Prescient.Sample.Server;
using Prescient.Sample.Universe;
using Prescient.Storage.Files;
using Prescient.Testing;

namespace Prescient.Host.Tests;

/// <summary>
/// The whole refresh over real HTTP against the sample server with every fault kind switched on:
/// the files must hold exactly the events, markets and tokens the filters define, computed here
/// from the server's ground truth rather than from the wire.
/// </summary>
public sealed class RefreshAgainstSampleServerTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task Refresh_WithFaultsInjected_WritesExactlyTheFilteredSet()
    {
        var clock = new FrozenClock(Now);
        await using var server = await SampleServer.StartAsync(
            new SampleServerOptions
            {
                Events = 400,
                Seed = 7,
                Faults = new FaultOptions
                {
                    RateLimitRate = 0.2,
                    RetryAfter = TimeSpan.FromSeconds(1),
                    ServerErrorRate = 0.15,
                    TruncatedJsonRate = 0.15,
                },
            },
            clock,
            CancellationToken.None);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Data"] = _dir.Path,
                ["Polymarket:GammaUrl"] = server.BaseAddress.ToString(),
                ["Polymarket:ClobUrl"] = server.BaseAddress.ToString(),
                ["Polymarket:EventsPageSize"] = "100",
                ["Polymarket:BooksBatchSize"] = "200",
                ["Polymarket:RetryBaseDelay"] = "00:00:00.010",
            })
            .Build();

        await using (var runtime = await PrescientRuntime.StartAsync(configuration, _ => { }, CancellationToken.None, clock))
        {
            await runtime.Services.GetRequiredService<RefreshService>().RefreshAsync(null, CancellationToken.None);
        }

        Assert.True(server.Stats.Faults(SampleFaultKind.RateLimit) > 0);
        Assert.True(server.Stats.Faults(SampleFaultKind.ServerError) > 0);
        Assert.True(server.Stats.Faults(SampleFaultKind.TruncatedJson) > 0);

        var truth = server.Universe.EventsAt(Now).Where(e => !e.Closed && !e.Archived && e.Active).ToArray();
        var kept = truth.Where(Passes).ToArray();
        var folder = new DataFolder(_dir.Path);
        Assert.Equal(Ids(truth.Select(e => e.EventId)), Ids(Read(folder.RawEvents, "events").Select(e => (string)e!["id"]!)));
        Assert.Equal(Ids(kept.Select(e => e.EventId)), Ids(Read(folder.FilteredEvents, "events").Select(e => (string)e!["id"]!)));

        var markets = Read(folder.FilteredMarkets, "markets");
        Assert.Equal(Ids(kept.SelectMany(e => e.Markets).Select(m => m.MarketId)), Ids(markets.Select(m => (string)m!["market_id"]!)));

        var quotable = kept.SelectMany(e => e.Markets).Where(m => m.AcceptingOrders && !m.Closed && m.EnableOrderBook).ToArray();
        var quotes = Read(folder.MarketCache, "quotes").ToDictionary(q => (string)q!["token_id"]!, q => (bool)q!["has_book"]!);
        var expectedTokens = quotable.SelectMany(m => new[] { (m.YesTokenId, m.HasBook), (m.NoTokenId, m.HasBook) }).ToDictionary(t => t.Item1, t => t.HasBook);
        Assert.Equal(expectedTokens.OrderBy(t => t.Key, StringComparer.Ordinal), quotes.OrderBy(q => q.Key, StringComparer.Ordinal));
        Assert.Contains(quotes, q => !q.Value);
    }

    public void Dispose() => _dir.Dispose();

    private static bool Passes(SampleEventInfo e) =>
        e.EnableOrderBook
        && e.Liquidity >= 1_000m
        && e.Volume >= 10_000m
        && (e.EndDate - Now).TotalDays is >= 1 and <= 365
        && e.Markets.Any(m => m.AcceptingOrders && !m.Closed);

    private static string[] Ids(IEnumerable<string> ids) => ids.Order(StringComparer.Ordinal).ToArray();

    private static JsonArray Read(string path, string key) => JsonNode.Parse(File.ReadAllText(path))![key]!.AsArray();
}
