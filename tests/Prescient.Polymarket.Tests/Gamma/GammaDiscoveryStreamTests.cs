using Prescient.Domain.Markets;
using Prescient.Engine.Markets;
using Prescient.Polymarket.Tests.Server;

namespace Prescient.Polymarket.Tests.Gamma;

/// <summary>Discovery as a stream: page order, one page fetched ahead, failures and early exits mid-stream.</summary>
public sealed class GammaDiscoveryStreamTests
{
    /// <summary>A safety limit, not synchronisation: a client that never makes the awaited request fails the test.</summary>
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);

    private static string[] Ids(IEnumerable<MarketEvent> events) => events.Select(e => e.Id.Value).ToArray();

    private static string[] FixtureIds(int skip, int take) =>
        FixtureData.AllEvents().Skip(skip).Take(take).Select(e => (string)e["id"]!).ToArray();

    [Fact]
    public async Task GetOpenEventsAsync_SixPages_YieldsPagesInOrderAndRequestsTheNextWhileTheCallerHoldsOne()
    {
        await using var host = await PolymarketTestHost.StartAsync(s => s.Events.AddRange(FixtureData.AllEvents()), o => o.EventsPageSize = 2);
        var pages = new List<string[]>();
        var requestsSeenWhileHolding = new List<int>();

        await foreach (var page in host.Gamma.GetOpenEventsAsync(null, CancellationToken.None))
        {
            pages.Add(Ids(page));
            if (pages.Count < 6)
            {
                // The next page is requested while this one is still being worked on.
                await host.Server.WhenRequestedAsync(FakePolymarketServer.Keyset, pages.Count + 1).WaitAsync(Limit);
            }

            requestsSeenWhileHolding.Add(host.Server.Requests(FakePolymarketServer.Keyset).Count);
        }

        Assert.Equal(Enumerable.Range(0, 6).Select(i => FixtureIds(i * 2, 2)), pages);
        Assert.Equal([2, 3, 4, 5, 6, 6], requestsSeenWhileHolding);
        Assert.Equal(6, host.Server.Requests(FakePolymarketServer.Keyset).Count);
    }

    [Fact]
    public async Task GetOpenEventsAsync_FailureOnPage3_SurfacesAfterPages1And2()
    {
        await using var host = await PolymarketTestHost.StartAsync(
            s => s.Events.AddRange(FixtureData.AllEvents()),
            o => o.EventsPageSize = 2);
        host.Server.Enqueue(
            FakePolymarketServer.Keyset,
            new Fault.None(),
            new Fault.None(),
            new Fault.Status(403, "<html>blocked</html>", "text/html"));
        var pages = new List<string[]>();

        var error = await Assert.ThrowsAsync<MarketDataUnavailableException>(async () =>
        {
            await foreach (var page in host.Gamma.GetOpenEventsAsync(null, CancellationToken.None))
            {
                pages.Add(Ids(page));
            }
        });

        Assert.Equal([FixtureIds(0, 2), FixtureIds(2, 2)], pages);
        Assert.Contains("HTTP 403", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, host.Server.Requests(FakePolymarketServer.Keyset).Count);
    }

    [Fact]
    public async Task GetOpenEventsAsync_StopAfterPage1WhilePage2Hangs_CancelsItAndRequestsNoMore()
    {
        await using var host = await PolymarketTestHost.StartAsync(
            s => s.Events.AddRange(FixtureData.AllEvents()),
            o =>
            {
                o.EventsPageSize = 2;
                o.AttemptTimeout = TimeSpan.FromMinutes(5);
                o.TotalTimeout = TimeSpan.FromMinutes(10);
            });
        host.Server.Enqueue(FakePolymarketServer.Keyset, new Fault.None(), new Fault.Hang());
        var pages = new List<string[]>();

        // Leaving the loop disposes the enumerator, which must cancel the hanging prefetch rather than wait minutes for it.
        await ConsumeFirstPageAsync().WaitAsync(Limit);

        Assert.Equal([FixtureIds(0, 2)], pages);
        Assert.Equal(2, host.Server.Requests(FakePolymarketServer.Keyset).Count);

        async Task ConsumeFirstPageAsync()
        {
            await foreach (var page in host.Gamma.GetOpenEventsAsync(null, CancellationToken.None))
            {
                pages.Add(Ids(page));
                await host.Server.WhenRequestedAsync(FakePolymarketServer.Keyset, 2).WaitAsync(Limit);
                break;
            }
        }
    }

    [Fact]
    public async Task GetOpenEventsAsync_StopAfterPage1WhilePage2Failed_DisposesWithoutError()
    {
        await using var host = await PolymarketTestHost.StartAsync(
            s => s.Events.AddRange(FixtureData.AllEvents()),
            o => o.EventsPageSize = 2);
        host.Server.Enqueue(FakePolymarketServer.Keyset, new Fault.None(), new Fault.Status(400, """{"error":"bad cursor"}"""));
        var enumerator = host.Gamma.GetOpenEventsAsync(null, CancellationToken.None).GetAsyncEnumerator();

        Assert.True(await enumerator.MoveNextAsync());
        var first = Ids(enumerator.Current);
        await host.Server.WhenRequestedAsync(FakePolymarketServer.Keyset, 2).WaitAsync(Limit);
        await enumerator.DisposeAsync();

        Assert.Equal(FixtureIds(0, 2), first);
        Assert.Equal(2, host.Server.Requests(FakePolymarketServer.Keyset).Count);
    }

    [Fact]
    public async Task GetOpenEventsAsync_EventRepeatedOnALaterPage_IsYieldedOnlyWithItsFirstPage()
    {
        var all = FixtureData.AllEvents();
        await using var host = await PolymarketTestHost.StartAsync(
            s => s.Events.AddRange([all[0], all[1], all[2], (System.Text.Json.Nodes.JsonObject)all[0].DeepClone(), all[3]]),
            o => o.EventsPageSize = 3);
        var progress = new RecordingProgress<DiscoveryProgress>();

        var pages = await host.Gamma.GetOpenEventsAsync(progress, CancellationToken.None).Select(Ids).ToListAsync();

        Assert.Equal([FixtureIds(0, 3), FixtureIds(3, 1)], pages);
        Assert.Equal([new DiscoveryProgress(1, 3), new DiscoveryProgress(2, 4)], progress.Reports);
        Assert.Equal((string)all[0]["id"]!, Assert.Single(host.Logs.WithEventId(1103)).Values["EventId"]);
    }
}
