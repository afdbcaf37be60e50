using System.Threading.RateLimiting;

namespace Prescient.Polymarket.Http;

/// <summary>
/// Client-side rate limits for one API: a limit for all its requests plus tighter limits for some
/// endpoints. A request takes a permit from its endpoint's limiter first, then from the general one.
/// Queues are unbounded: over the limit a request waits (as Cloudflare itself would queue it), it is
/// never dropped.
/// </summary>
internal sealed class EndpointRateLimiter : IDisposable
{
    private readonly RateLimiter _general;
    private readonly IReadOnlyDictionary<PolymarketEndpoint, RateLimiter> _endpoints;

    public EndpointRateLimiter(RateLimiter general, IReadOnlyDictionary<PolymarketEndpoint, RateLimiter> endpoints)
    {
        _general = general ?? throw new ArgumentNullException(nameof(general));
        _endpoints = endpoints ?? throw new ArgumentNullException(nameof(endpoints));
    }

    /// <summary>A sliding-window limiter of <paramref name="permits"/> per <paramref name="window"/> with an unbounded queue.</summary>
    public static SlidingWindowRateLimiter SlidingWindow(int permits, TimeSpan window) =>
        new(new SlidingWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = window,
            SegmentsPerWindow = 10,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });

    /// <summary>No limit: a limiter that grants every permit at once (concurrency up to <see cref="int.MaxValue"/>, no queue, no timer).</summary>
    public static EndpointRateLimiter Unlimited() =>
        new(
            new ConcurrencyLimiter(new ConcurrencyLimiterOptions { PermitLimit = int.MaxValue, QueueLimit = 0 }),
            new Dictionary<PolymarketEndpoint, RateLimiter>());

    public async ValueTask<RateLimitLease> AcquireAsync(PolymarketEndpoint endpoint, CancellationToken cancellationToken)
    {
        RateLimitLease? endpointLease = null;
        if (_endpoints.TryGetValue(endpoint, out var limiter))
        {
            endpointLease = await limiter.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
            if (!endpointLease.IsAcquired)
            {
                return endpointLease;
            }
        }

        var generalLease = await _general.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
        if (endpointLease is null)
        {
            return generalLease;
        }

        if (!generalLease.IsAcquired)
        {
            endpointLease.Dispose();
            return generalLease;
        }

        return new PairLease(endpointLease, generalLease);
    }

    public void Dispose()
    {
        _general.Dispose();
        foreach (var limiter in _endpoints.Values)
        {
            limiter.Dispose();
        }
    }

    /// <summary>Both permits held; disposing releases both.</summary>
    private sealed class PairLease(RateLimitLease first, RateLimitLease second) : RateLimitLease
    {
        public override bool IsAcquired => true;

        public override IEnumerable<string> MetadataNames => first.MetadataNames.Concat(second.MetadataNames).Distinct();

        public override bool TryGetMetadata(string metadataName, out object? metadata) =>
            first.TryGetMetadata(metadataName, out metadata) || second.TryGetMetadata(metadataName, out metadata);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                first.Dispose();
                second.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
