using System.Text.Json;
using Prescient.Engine.Filters;

namespace Prescient.Storage.Files.Markets;

/// <summary>The shape of <c>events/filtered_events.json</c> when read back: the upstream event objects stay raw.</summary>
internal sealed record FilteredEventsEnvelope(
    DateTimeOffset GeneratedAt,
    string Source,
    bool Simulated,
    TradingFilterOptions Filters,
    int Count,
    IReadOnlyList<JsonElement> Events);
