using Prescient.Engine.Extraction;
using Prescient.Engine.Storage;
using Prescient.Storage.Files.Json;

namespace Prescient.Storage.Files.Markets;

/// <summary>The shape of <c>events/filtered_markets.json</c> when read back.</summary>
internal sealed record MarketsEnvelope(
    DateTimeOffset GeneratedAt,
    string Source,
    bool Simulated,
    int Count,
    IReadOnlyList<MarketRow> Markets)
{
    /// <summary>The snapshot this document holds, after checking its source and count (<paramref name="name"/> names it in errors).</summary>
    public MarketsSnapshot ToSnapshot(string name)
    {
        var source = EnvelopeFields.Source(name, Source, Simulated);
        EnvelopeFields.RequireCount(name, "count", Count, Markets.Count, "markets");
        return new MarketsSnapshot(GeneratedAt, source, Markets);
    }
}
