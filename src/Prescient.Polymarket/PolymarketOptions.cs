using Prescient.Engine.Markets;

namespace Prescient.Polymarket;

/// <summary>
/// Settings of the Polymarket clients, configuration section "Polymarket". Every default below is
/// the documented default; <see cref="PolymarketOptionsValidator"/> checks them at start-up. Rate
/// limits are requests per <see cref="RateLimitWindow"/> and default to Polymarket's published
/// limits (POLYMARKET-API.md section 4); over a limit, requests wait in a queue and are never dropped.
/// </summary>
public sealed class PolymarketOptions
{
    public const string SectionName = "Polymarket";

    /// <summary>Gamma API base address. Default https://gamma-api.polymarket.com.</summary>
    public Uri GammaUrl { get; set; } = new("https://gamma-api.polymarket.com");

    /// <summary>CLOB API base address. Default https://clob.polymarket.com.</summary>
    public Uri ClobUrl { get; set; } = new("https://clob.polymarket.com");

    /// <summary>Data API base address (the public trade tape for <c>fills audit</c>). Default https://data-api.polymarket.com.</summary>
    public Uri DataApiUrl { get; set; } = new("https://data-api.polymarket.com");

    /// <summary>Events per <c>/events/keyset</c> page, 1–500 (Gamma's maximum). Default 500.</summary>
    public int EventsPageSize { get; set; } = 500;

    /// <summary>Discovery fails rather than fetch more pages than this (a runaway cursor guard). Default 1,000.</summary>
    public int MaxPages { get; set; } = 1_000;

    /// <summary>Tokens per <c>POST /books</c> request, 1–500 (the CLOB's maximum). Default 500.</summary>
    public int BooksBatchSize { get; set; } = 500;

    /// <summary><c>POST /books</c> requests in flight at once, 1–64. Default 4.</summary>
    public int BooksConcurrency { get; set; } = 4;

    /// <summary>Retries after the first attempt of a request, 0–20. Default 5.</summary>
    public int MaxRetries { get; set; } = 5;

    /// <summary>First retry delay; later ones grow exponentially, with jitter. Default 1 s.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait before a retry, including a server's <c>Retry-After</c>, which is honoured up to this. Default 30 s.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Time allowed for one attempt, body included, at least 10 ms. Default 10 s.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Time allowed for one request with all its retries. Default 2 min.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Share of failed attempts, in (0, 1], that opens the circuit. Default 0.5.</summary>
    public double CircuitBreakerFailureRatio { get; set; } = 0.5;

    /// <summary>Attempts needed in a sampling window before the circuit can open, at least 2. Default 20.</summary>
    public int CircuitBreakerMinimumThroughput { get; set; } = 20;

    /// <summary>Window over which the failure ratio is measured, at least 0.5 s. Default 30 s.</summary>
    public TimeSpan CircuitBreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an open circuit fails requests at once, at least 0.5 s. Default 15 s.</summary>
    public TimeSpan CircuitBreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Sent on every request; Cloudflare may refuse requests without one. Default "Prescient/1.0 (+paper trading)".</summary>
    public string UserAgent { get; set; } = "Prescient/1.0 (+paper trading)";

    /// <summary>
    /// Whether the client-side rate limits below apply. Default true. <c>prescient simulate</c> turns
    /// them off: its simulated days pass in about a second each against the in-process sample market,
    /// which has no limit to respect, and a wall-clock window would make its requests wait for
    /// seconds that, on its clock, are hours.
    /// </summary>
    public bool ClientRateLimits { get; set; } = true;

    /// <summary>The sliding window the rate limits below count over. Default 10 s.</summary>
    public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>All Gamma requests per window. Default 4,000.</summary>
    public int GammaRateLimit { get; set; } = 4_000;

    /// <summary>Gamma <c>/events</c> requests (keyset pages, single events) per window. Default 500.</summary>
    public int GammaEventsRateLimit { get; set; } = 500;

    /// <summary>Gamma <c>/markets</c> requests per window. Default 300.</summary>
    public int GammaMarketsRateLimit { get; set; } = 300;

    /// <summary>All CLOB requests per window. Default 9,000.</summary>
    public int ClobRateLimit { get; set; } = 9_000;

    /// <summary>CLOB <c>POST /books</c> requests per window. Default 500.</summary>
    public int ClobBooksRateLimit { get; set; } = 500;

    /// <summary>CLOB <c>GET /book</c> requests per window. Default 1,500.</summary>
    public int ClobBookRateLimit { get; set; } = 1_500;

    /// <summary>CLOB <c>/prices-history</c> requests per window. Default 1,000.</summary>
    public int ClobPriceHistoryRateLimit { get; set; } = 1_000;

    /// <summary>Data API <c>/trades</c> requests per window. Default 200.</summary>
    public int DataTradesRateLimit { get; set; } = 200;

    /// <summary>
    /// What the data is labelled as. Default <see cref="MarketSourceInfo.Live"/>; the CLI sets
    /// <see cref="MarketSourceInfo.Sample"/> when it points the clients at the local sample server.
    /// </summary>
    public MarketSourceInfo Source { get; set; } = MarketSourceInfo.Live;
}
