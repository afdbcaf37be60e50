using Prescient.Engine.Quotes;

namespace Prescient.Storage.Files.Markets;

/// <summary>The shape of <c>markets/market_cache.json</c> when read back.</summary>
internal sealed record QuotesEnvelope(
    DateTimeOffset GeneratedAt,
    string Source,
    bool Simulated,
    int Count,
    IReadOnlyList<TokenQuote> Quotes);
