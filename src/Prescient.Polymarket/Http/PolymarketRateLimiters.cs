using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Prescient.Polymarket.Http;

/// <summary>
/// The process-wide client-side rate limiters, one set per API, built from
/// <see cref="PolymarketOptions"/>. A singleton: every client instance shares the same budget. With
/// <see cref="PolymarketOptions.ClientRateLimits"/> off, every permit is granted at once.
/// </summary>
internal sealed class PolymarketRateLimiters : IDisposable
{
    public PolymarketRateLimiters(IOptions<PolymarketOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var o = options.Value;
        if (!o.ClientRateLimits)
        {
            Gamma = EndpointRateLimiter.Unlimited();
            Clob = EndpointRateLimiter.Unlimited();
            Data = EndpointRateLimiter.Unlimited();
            return;
        }

        var window = o.RateLimitWindow;
        Gamma = new EndpointRateLimiter(
            EndpointRateLimiter.SlidingWindow(o.GammaRateLimit, window),
            new Dictionary<PolymarketEndpoint, RateLimiter>
            {
                [PolymarketEndpoint.GammaEvents] = EndpointRateLimiter.SlidingWindow(o.GammaEventsRateLimit, window),
                [PolymarketEndpoint.GammaMarkets] = EndpointRateLimiter.SlidingWindow(o.GammaMarketsRateLimit, window),
            });
        Clob = new EndpointRateLimiter(
            EndpointRateLimiter.SlidingWindow(o.ClobRateLimit, window),
            new Dictionary<PolymarketEndpoint, RateLimiter>
            {
                [PolymarketEndpoint.ClobBooks] = EndpointRateLimiter.SlidingWindow(o.ClobBooksRateLimit, window),
                [PolymarketEndpoint.ClobBook] = EndpointRateLimiter.SlidingWindow(o.ClobBookRateLimit, window),
                [PolymarketEndpoint.ClobPriceHistory] = EndpointRateLimiter.SlidingWindow(o.ClobPriceHistoryRateLimit, window),
            });
        Data = new EndpointRateLimiter(EndpointRateLimiter.SlidingWindow(o.DataTradesRateLimit, window), new Dictionary<PolymarketEndpoint, RateLimiter>());
    }

    public EndpointRateLimiter Gamma { get; }

    public EndpointRateLimiter Clob { get; }

    /// <summary>The Data API (<c>/trades</c>).</summary>
    public EndpointRateLimiter Data { get; }

    public void Dispose()
    {
        Gamma.Dispose();
        Clob.Dispose();
        Data.Dispose();
    }
}
