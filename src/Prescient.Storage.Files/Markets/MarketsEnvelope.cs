using Prescient.Engine.Extraction;

namespace Prescient.Storage.Files.Markets;

/// <summary>The shape of <c>events/filtered_markets.json</c> when read back.</summary>
internal sealed record MarketsEnvelope(
    DateTimeOffset GeneratedAt,
    string Source,
    bool Simulated,
    int Count,
    IReadOnlyList<MarketRow> Markets);
