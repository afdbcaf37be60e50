using Prescient.Engine.Markets;
using Prescient.Polymarket.Tests.Server;

namespace Prescient.Polymarket.Tests.Http;

/// <summary>Faults played by the fake server against discovery through the real registration (retry, timeouts, circuit breaker, body checks).</summary>
public sealed class ResilienceTests
{
    private const string CloudflarePage = "<!DOCTYPE html>\n<html><head><title>Attention Required! | Cloudflare</title></head><body>blocked</body></html>";

    private static void TwoPagesOfEvents(FakePolymarketServer server) => server.Events.AddRange(FixtureData.AllEvents());

    private static Task<IReadOnlyList<Prescient.Domain.Markets.MarketEvent>> DiscoverAsync(PolymarketTestHost host) =>
        host.Gamma.GetOpenEventsAsync(null, CancellationToken.None).AllEventsAsync();

    [Fact]
    public async Task Discovery_429WithRetryAfter_WaitsTheCappedRetryAfterThenSucceeds()
    {
        await using var host = await PolymarketTestHost.StartAsync(TwoPagesOfEvents, o => o.RetryBaseDelay = TimeSpan.Zero);
        host.Server.Enqueue(FakePolymarketServer.Keyset, new Fault.Status(429, "Too Many Requests", "text/plain", RetryAfter: "1"));

        var events = await DiscoverAsync(host);

        Assert.Equal(12, events.Count);
        Assert.Equal(2, host.Server.Requests(FakePolymarketServer.Keyset).Count);
        var retry = Assert.Single(host.Logs.WithEventId(1001));
        Assert.Equal(20d, retry.Values["DelayMs"]);
        Assert.Equal(1, retry.Values["Retry"]);
        Assert.Contains("HTTP 429", retry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Discovery_500Then503_RetriesWithBackoffAndSucceeds()
    {
        await using var host = await PolymarketTestHost.StartAsync(TwoPagesOfEvents, o => o.RetryBaseDelay = TimeSpan.Zero);
        host.Server.Enqueue(
            FakePolymarketServer.Keyset,
            new Fault.Status(500, """{"type":"internal error","error":"cannot get the information"}"""),
            new Fault.Status(503, "upstream connect error"));

        var events = await DiscoverAsync(host);

        Assert.Equal(12, events.Count);
        Assert.Equal(3, host.Server.Requests(FakePolymarketServer.Keyset).Count);
        Assert.Equal([1, 2], host.Logs.WithEventId(1001).Select(l => (int)l.Values["Retry"]!));
        Assert.All(host.Logs.WithEventId(1001), l => Assert.Equal(0d, l.Values["DelayMs"]));
    }

    [Fact]
    public async Task Discovery_TruncatedJsonOn200_IsLoggedAndRetried()
    {
        await using var host = await PolymarketTestHost.StartAsync(TwoPagesOfEvents);
        host.Server.Enqueue(FakePolymarketServer.Keyset, new Fault.TruncatedJson());

        var events = await DiscoverAsync(host);

        Assert.Equal(12, events.Count);
        Assert.Equal(2, host.Server.Requests(FakePolymarketServer.Keyset).Count);
        Assert.Single(host.Logs.WithEventId(1002));
        Assert.Contains("malformed JSON", Assert.Single(host.Logs.WithEventId(1001)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Discovery_ConnectionDropped_IsRetriedAsATransportFailure()
    {
        await using var host = await PolymarketTestHost.StartAsync(TwoPagesOfEvents);
        host.Server.Enqueue(FakePolymarketServer.Keyset, new Fault.DroppedConnection());

        var events = await DiscoverAsync(host);

        Assert.Equal(12, events.Count);
        Assert.Equal(2, host.Server.Requests(FakePolymarketServer.Keyset).Count);
        Assert.Single(host.Logs.WithEventId(1001));
    }

    [Fact]
    public async Task Discovery_BodyStallingAfterHeaders_TimesOutTheAttemptAndIsRetried()
    {
        await using var host = await PolymarketTestHost.StartAsync(TwoPagesOfEvents, o => o.AttemptTimeout = TimeSpan.FromSeconds(1));
        host.Server.Enqueue(FakePolymarketServer.Keyset, new Fault.StalledBody());

        var events = await DiscoverAsync(host);

        Assert.Equal(12, events.Count);
        Assert.Equal(2, host.Server.Requests(FakePolymarketServer.Keyset).Count);
        Assert.Contains("no complete response within 1 s", Assert.Single(host.Logs.WithEventId(1001)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Discovery_ResponseSlowerThanAttemptTimeout_IsRetried()
    {
        await using var host = await PolymarketTestHost.StartAsync(TwoPagesOfEvents, o => o.AttemptTimeout = TimeSpan.FromSeconds(1));
        host.Server.Enqueue(FakePolymarketServer.Keyset, new Fault.Hang());

        var events = await DiscoverAsync(host);

        Assert.Equal(12, events.Count);
        Assert.Equal(2, host.Server.Requests(FakePolymarketServer.Keyset).Count);
        Assert.Contains("no complete response within 1 s", Assert.Single(host.Logs.WithEventId(1001)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Discovery_RetriesExhausted_ThrowsOneLineNamingHostAndLastStatus()
    {
        await using var host = await PolymarketTestHost.StartAsync(TwoPagesOfEvents, o => o.MaxRetries = 2);
        var error = """{"type":"internal error","error":"cannot get the information"}""";
        host.Server.Enqueue(FakePolymarketServer.Keyset, new Fault.Status(500, error), new Fault.Status(500, error), new Fault.Status(500, error));

        var thrown = await Assert.ThrowsAsync<MarketDataUnavailableException>(() => DiscoverAsync(host));

        Assert.Equal(
            $"Polymarket Gamma API ({host.Server.BaseUrl.Authority}) unavailable: HTTP 500 Internal Server Error: cannot get the information",
            thrown.Message);
        Assert.Equal(3, host.Server.Requests(FakePolymarketServer.Keyset).Count);
    }

    [Fact]
    public async Task Discovery_MalformedBodyOnEveryAttempt_ThrowsUnavailableNamingTheCause()
    {
        await using var host = await PolymarketTestHost.StartAsync(TwoPagesOfEvents, o => o.MaxRetries = 1);
        host.Server.Enqueue(FakePolymarketServer.Keyset, new Fault.TruncatedJson(), new Fault.TruncatedJson());

        var thrown = await Assert.ThrowsAsync<MarketDataUnavailableException>(() => DiscoverAsync(host));

        Assert.Contains("malformed JSON body", thrown.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', thrown.Message);
        Assert.Equal(2, host.Server.Requests(FakePolymarketServer.Keyset).Count);
    }

    [Fact]
    public async Task Discovery_CloudflareHtml403_FailsAtOnceWithoutCrashing()
    {
        await using var host = await PolymarketTestHost.StartAsync(TwoPagesOfEvents);
        host.Server.Enqueue(FakePolymarketServer.Keyset, new Fault.Status(403, CloudflarePage, "text/html; charset=UTF-8"));

        var thrown = await Assert.ThrowsAsync<MarketDataUnavailableException>(() => DiscoverAsync(host));

        Assert.Equal(
            $"Polymarket Gamma API ({host.Server.BaseUrl.Authority}) unavailable: HTTP 403 Forbidden with an HTML page (blocked by Cloudflare or a geo-restriction)",
            thrown.Message);
        Assert.Single(host.Server.Requests(FakePolymarketServer.Keyset));
    }

    [Fact]
    public async Task Discovery_RepeatedFailures_OpenTheCircuitAndStopCalling()
    {
        await using var host = await PolymarketTestHost.StartAsync(TwoPagesOfEvents, o =>
        {
            o.MaxRetries = 5;
            o.CircuitBreakerMinimumThroughput = 2;
            o.CircuitBreakerFailureRatio = 1;
        });
        host.Server.Enqueue(FakePolymarketServer.Keyset, Enumerable.Repeat<Fault>(new Fault.Status(502, "bad gateway", "text/plain"), 6).ToArray());

        var thrown = await Assert.ThrowsAsync<MarketDataUnavailableException>(() => DiscoverAsync(host));

        Assert.EndsWith("unavailable: circuit breaker open after repeated failures", thrown.Message, StringComparison.Ordinal);
        Assert.Equal(2, host.Server.Requests(FakePolymarketServer.Keyset).Count);
        Assert.Single(host.Logs.WithEventId(1004));
    }

    [Fact]
    public async Task Discovery_ServerDown_ThrowsUnavailableWithTransportCause()
    {
        var down = await FakePolymarketServer.StartAsync();
        var url = down.GammaUrl;
        await down.DisposeAsync();
        await using var host = await PolymarketTestHost.StartAsync(configure: o =>
        {
            o.GammaUrl = url;
            o.MaxRetries = 1;
        });

        var thrown = await Assert.ThrowsAsync<MarketDataUnavailableException>(() => DiscoverAsync(host));

        Assert.StartsWith($"Polymarket Gamma API ({url.Authority}) unavailable: ", thrown.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<HttpRequestException>(thrown.InnerException);
    }

    [Fact]
    public async Task Discovery_CancelledByCaller_ThrowsOperationCanceled()
    {
        await using var host = await PolymarketTestHost.StartAsync(TwoPagesOfEvents);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => host.Gamma.GetOpenEventsAsync(null, new CancellationToken(true)).AllEventsAsync());
    }
}
