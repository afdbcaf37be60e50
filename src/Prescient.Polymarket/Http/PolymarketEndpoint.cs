namespace Prescient.Polymarket.Http;

/// <summary>The rate-limited Polymarket endpoints this client calls; each request is tagged with one.</summary>
internal enum PolymarketEndpoint
{
    Other,
    GammaEvents,
    GammaMarkets,
    ClobBooks,
    ClobBook,
    ClobPriceHistory,
    DataTrades,
}

/// <summary>Tags a request with its <see cref="PolymarketEndpoint"/> so the rate limiter can pick its limit.</summary>
internal static class PolymarketEndpointTag
{
    private static readonly HttpRequestOptionsKey<PolymarketEndpoint> Key = new("Prescient.Polymarket.Endpoint");

    public static HttpRequestMessage WithEndpoint(this HttpRequestMessage request, PolymarketEndpoint endpoint)
    {
        request.Options.Set(Key, endpoint);
        return request;
    }

    public static PolymarketEndpoint EndpointOf(HttpRequestMessage? request) =>
        request is not null && request.Options.TryGetValue(Key, out var endpoint) ? endpoint : PolymarketEndpoint.Other;
}
