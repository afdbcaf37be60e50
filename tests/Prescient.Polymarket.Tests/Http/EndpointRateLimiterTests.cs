using System.Threading.RateLimiting;
using Prescient.Polymarket.Http;
using Prescient.Polymarket.Tests.Server;

namespace Prescient.Polymarket.Tests.Http;

public sealed class EndpointRateLimiterTests
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(10);

    /// <summary>A limiter whose permit comes back exactly when its lease is disposed, so queueing is observable without time.</summary>
    private static ConcurrencyLimiter OnePermit() =>
        new(new ConcurrencyLimiterOptions { PermitLimit = 1, QueueLimit = int.MaxValue });

    [Fact]
    public async Task AcquireAsync_OverTheEndpointLimit_QueuesOnlyThatEndpoint()
    {
        var events = OnePermit();
        using var limiter = new EndpointRateLimiter(
            EndpointRateLimiter.SlidingWindow(100, Window),
            new Dictionary<PolymarketEndpoint, RateLimiter> { [PolymarketEndpoint.GammaEvents] = events });

        var first = await limiter.AcquireAsync(PolymarketEndpoint.GammaEvents, CancellationToken.None);
        var second = limiter.AcquireAsync(PolymarketEndpoint.GammaEvents, CancellationToken.None);
        using var other = await limiter.AcquireAsync(PolymarketEndpoint.GammaMarkets, CancellationToken.None);

        Assert.True(first.IsAcquired);
        Assert.False(second.IsCompleted);
        Assert.Equal(1, events.GetStatistics()!.CurrentQueuedCount);
        Assert.True(other.IsAcquired);

        first.Dispose();
        using var lease = await second;
        Assert.True(lease.IsAcquired);
    }

    [Fact]
    public async Task AcquireAsync_OverTheGeneralLimit_QueuesEveryEndpoint()
    {
        var general = OnePermit();
        using var limiter = new EndpointRateLimiter(
            general,
            new Dictionary<PolymarketEndpoint, RateLimiter> { [PolymarketEndpoint.ClobBooks] = EndpointRateLimiter.SlidingWindow(100, Window) });

        var first = await limiter.AcquireAsync(PolymarketEndpoint.ClobBooks, CancellationToken.None);
        var second = limiter.AcquireAsync(PolymarketEndpoint.Other, CancellationToken.None);

        Assert.False(second.IsCompleted);
        Assert.Equal(1, general.GetStatistics()!.CurrentQueuedCount);
        first.Dispose();
        using var lease = await second;
        Assert.True(lease.IsAcquired);
    }

    [Fact]
    public async Task AcquireAsync_CancelledWhileQueued_ThrowsAndLeavesTheQueue()
    {
        var events = OnePermit();
        using var limiter = new EndpointRateLimiter(
            EndpointRateLimiter.SlidingWindow(100, Window),
            new Dictionary<PolymarketEndpoint, RateLimiter> { [PolymarketEndpoint.GammaEvents] = events });
        using var first = await limiter.AcquireAsync(PolymarketEndpoint.GammaEvents, CancellationToken.None);
        using var cancel = new CancellationTokenSource();

        var queued = limiter.AcquireAsync(PolymarketEndpoint.GammaEvents, cancel.Token).AsTask();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queued);
        Assert.Equal(0, events.GetStatistics()!.CurrentQueuedCount);
    }

    [Fact]
    public async Task Discovery_OverTheEventsRateLimit_WaitsInsteadOfFailing()
    {
        await using var host = await PolymarketTestHost.StartAsync(
            s => s.Events.AddRange(FixtureData.AllEvents()),
            o =>
            {
                o.EventsPageSize = 4;
                o.GammaEventsRateLimit = 1;
                o.RateLimitWindow = TimeSpan.FromMilliseconds(50);
            });

        var events = await host.Gamma.GetOpenEventsAsync(null, CancellationToken.None).AllEventsAsync();

        Assert.Equal(12, events.Count);
        Assert.Equal(3, host.Server.Requests(FakePolymarketServer.Keyset).Count);
        Assert.Empty(host.Logs.WithEventId(1001));
    }
}
