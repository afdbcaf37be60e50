using Prescient.Engine.Quotes;
using Prescient.Engine.Storage;
using Prescient.Storage.Files.Json;

namespace Prescient.Storage.Files.Markets;

/// <summary>The shape of <c>markets/market_cache.json</c> when read back.</summary>
internal sealed record QuotesEnvelope(
    DateTimeOffset GeneratedAt,
    string Source,
    bool Simulated,
    int Count,
    IReadOnlyList<TokenQuote> Quotes)
{
    /// <summary>The snapshot this document holds, after checking its source and count (<paramref name="name"/> names it in errors).</summary>
    public QuotesSnapshot ToSnapshot(string name)
    {
        var source = EnvelopeFields.Source(name, Source, Simulated);
        EnvelopeFields.RequireCount(name, "count", Count, Quotes.Count, "quotes");
        return new QuotesSnapshot(GeneratedAt, source, Quotes);
    }
}
