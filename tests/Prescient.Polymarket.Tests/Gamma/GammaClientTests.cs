using System.Text.Json;
using Prescient.Domain.Ids;
using Prescient.Engine.Markets;
using Prescient.Polymarket.Tests.Server;
using Prescient.Testing;

namespace Prescient.Polymarket.Tests.Gamma;

public sealed class GammaClientTests
{
    [Fact]
    public async Task GetOpenEventsAsync_ThreePages_MakesThreeRequestsWithFiltersOnEveryPage()
    {
        await using var host = await PolymarketTestHost.StartAsync(s => s.Events.AddRange(FixtureData.AllEvents()), o => o.EventsPageSize = 5);
        var progress = new RecordingProgress<DiscoveryProgress>();

        var events = await host.Gamma.GetOpenEventsAsync(progress, CancellationToken.None).AllEventsAsync();

        Assert.Equal(FixtureData.AllEvents().Select(e => (string)e["id"]!), events.Select(e => e.Id.Value));
        var requests = host.Server.Requests(FakePolymarketServer.Keyset);
        Assert.Equal(3, requests.Count);
        Assert.All(requests, r =>
        {
            Assert.Equal("5", r.Query["limit"]);
            Assert.Equal("true", r.Query["active"]);
            Assert.Equal("false", r.Query["closed"]);
            Assert.Equal("false", r.Query["archived"]);
            Assert.False(r.Query.ContainsKey("offset"));
        });
        Assert.False(requests[0].Query.ContainsKey("after_cursor"));
        Assert.Equal("offset-5", requests[1].Query["after_cursor"]);
        Assert.Equal("offset-10", requests[2].Query["after_cursor"]);
        Assert.Equal([new DiscoveryProgress(1, 5), new DiscoveryProgress(2, 10), new DiscoveryProgress(3, 12)], progress.Reports);
    }

    [Fact]
    public async Task GetOpenEventsAsync_Defaults_SendsPageSize500AndHeaders()
    {
        await using var host = await PolymarketTestHost.StartAsync(s => s.Events.AddRange(FixtureData.AllEvents()));

        var events = await host.Gamma.GetOpenEventsAsync(null, CancellationToken.None).AllEventsAsync();

        Assert.Equal(12, events.Count);
        var request = Assert.Single(host.Server.Requests(FakePolymarketServer.Keyset));
        Assert.Equal("/gamma/events/keyset?limit=500&active=true&closed=false&archived=false", request.PathAndQuery);
        Assert.Equal("Prescient/1.0 (+paper trading)", request.UserAgent);
        Assert.Equal("application/json", request.Accept);
    }

    [Fact]
    public async Task GetOpenEventsAsync_KeepsRawObjectsStandaloneAndWhole()
    {
        await using var host = await PolymarketTestHost.StartAsync(s => s.Events.AddRange(FixtureData.AllEvents()), o => o.EventsPageSize = 5);

        // Every page document is disposed by now: each Raw must be its own clone.
        var events = await host.Gamma.GetOpenEventsAsync(null, CancellationToken.None).AllEventsAsync();

        Assert.All(events, e => Assert.Equal(e.Id.Value, e.Raw.GetProperty("id").GetString()));
        Assert.True(JsonElement.DeepEquals(FixtureData.AllEvents()[0].ToElement(), events[0].Raw));
        Assert.Equal(4, events[0].Markets.Count);
    }

    [Fact]
    public async Task GetOpenEventsAsync_EventWithoutId_IsSkippedCountedAndLogged()
    {
        await using var host = await PolymarketTestHost.StartAsync(s =>
        {
            var broken = FixtureData.EventObjects(FixtureData.MicroStrategy)[0];
            broken.Remove("id");
            s.Events.AddRange([broken, .. FixtureData.EventObjects(FixtureData.NegRiskEvent)]);
        });

        var events = await host.Gamma.GetOpenEventsAsync(null, CancellationToken.None).AllEventsAsync();

        Assert.Equal(["30829"], events.Select(e => e.Id.Value));
        Assert.Contains("event without an id", Assert.Single(host.Logs.WithEventId(1102)).Message, StringComparison.Ordinal);
        Assert.Equal(1, Assert.Single(host.Logs.WithEventId(1104)).Values["Skipped"]);
    }

    [Fact]
    public async Task GetOpenEventsAsync_RepeatingCursor_ThrowsAfterTwoRequests()
    {
        await using var host = await PolymarketTestHost.StartAsync(
            s =>
            {
                s.Events.AddRange(FixtureData.AllEvents());
                s.Cursors = CursorMode.Repeating;
            },
            o => o.EventsPageSize = 5);

        var error = await Assert.ThrowsAsync<MarketDataUnavailableException>(() => host.Gamma.GetOpenEventsAsync(null, CancellationToken.None).AllEventsAsync());

        Assert.Contains("cursor 'same-cursor' again", error.Message, StringComparison.Ordinal);
        Assert.Contains(host.Server.BaseUrl.Authority, error.Message, StringComparison.Ordinal);
        Assert.Equal(2, host.Server.Requests(FakePolymarketServer.Keyset).Count);
    }

    [Fact]
    public async Task GetOpenEventsAsync_MorePagesThanMaxPages_ThrowsWithoutFetchingMore()
    {
        await using var host = await PolymarketTestHost.StartAsync(
            s =>
            {
                s.Events.AddRange(FixtureData.AllEvents());
                s.Cursors = CursorMode.Endless;
            },
            o =>
            {
                o.EventsPageSize = 5;
                o.MaxPages = 3;
            });

        var error = await Assert.ThrowsAsync<MarketDataUnavailableException>(() => host.Gamma.GetOpenEventsAsync(null, CancellationToken.None).AllEventsAsync());

        Assert.Contains("Polymarket:MaxPages", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, host.Server.Requests(FakePolymarketServer.Keyset).Count);
    }

    [Fact]
    public async Task GetOpenEventsAsync_EmptyCursor_EndsDiscovery()
    {
        await using var host = await PolymarketTestHost.StartAsync(s => s.Events.AddRange(FixtureData.EventObjects(FixtureData.MicroStrategy)));

        var events = await host.Gamma.GetOpenEventsAsync(null, CancellationToken.None).AllEventsAsync();

        Assert.Single(events);
        Assert.Single(host.Server.Requests(FakePolymarketServer.Keyset));
    }

    [Fact]
    public async Task GetEventAsync_KnownAndUnknownIds_ReturnsEventOrNull()
    {
        await using var host = await PolymarketTestHost.StartAsync(s => s.Events.AddRange(FixtureData.AllEvents()));

        var known = await host.Gamma.GetEventAsync(EventId.Create("30829"), CancellationToken.None);
        var unknown = await host.Gamma.GetEventAsync(EventId.Create("1"), CancellationToken.None);

        Assert.Equal("Democratic Presidential Nominee 2028", known!.Title);
        Assert.Equal(2, known.Markets.Count);
        Assert.Null(unknown);
        Assert.Equal(2, host.Server.Requests(FakePolymarketServer.Event).Count);
    }

    [Fact]
    public async Task GetMarketAsync_BareMarket_UsesNestedOrGivenEventId()
    {
        await using var host = await PolymarketTestHost.StartAsync(s =>
        {
            s.GammaMarkets["1878152"] = FixtureData.Object("gamma/market_sports_moneyline.json");
            s.GammaMarkets["1812085"] = FixtureData.Object("gamma/market_closed_binary_accepting_orders_true.json");
        });

        var sports = await host.Gamma.GetMarketAsync(MarketId.Create("1878152"), CancellationToken.None);
        var ceasefire = await host.Gamma.GetMarketAsync(MarketId.Create("1812085"), EventId.Create("77"), CancellationToken.None);
        var missing = await host.Gamma.GetMarketAsync(MarketId.Create("5"), CancellationToken.None);

        Assert.Equal(EventId.Create("346898"), sports!.EventId);
        Assert.Equal(0.03m, sports.Fees.Rate);
        Assert.Equal(EventId.Create("77"), ceasefire!.EventId);
        Assert.Null(missing);
    }

    [Fact]
    public async Task GetMarketAsync_NoParentEventAnywhere_ThrowsUnavailable()
    {
        await using var host = await PolymarketTestHost.StartAsync(s =>
            s.GammaMarkets["1812085"] = FixtureData.Object("gamma/market_closed_binary_accepting_orders_true.json"));

        var error = await Assert.ThrowsAsync<MarketDataUnavailableException>(
            () => host.Gamma.GetMarketAsync(MarketId.Create("1812085"), CancellationToken.None));

        Assert.Contains("no parent event id", error.Message, StringComparison.Ordinal);
    }
}
