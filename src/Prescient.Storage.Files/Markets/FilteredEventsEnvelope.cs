using System.Text.Json;
using Prescient.Engine.Filters;
using Prescient.Engine.Storage;
using Prescient.Storage.Files.Json;

namespace Prescient.Storage.Files.Markets;

/// <summary>The shape of <c>events/filtered_events.json</c> when read back: the upstream event objects stay raw.</summary>
internal sealed record FilteredEventsEnvelope(
    DateTimeOffset GeneratedAt,
    string Source,
    bool Simulated,
    TradingFilterOptions Filters,
    int Count,
    IReadOnlyList<JsonElement> Events)
{
    /// <summary>The stored events, after checking the source, the count and that each is an object (<paramref name="name"/> names it in errors).</summary>
    public StoredFilteredEvents ToSnapshot(string name)
    {
        var source = EnvelopeFields.Source(name, Source, Simulated);
        EnvelopeFields.RequireCount(name, "count", Count, Events.Count, "events");
        for (var i = 0; i < Events.Count; i++)
        {
            if (Events[i].ValueKind != JsonValueKind.Object)
            {
                throw JsonFile.Corrupt(name, $"events[{i}] is {Events[i].ValueKind}, not an event object.");
            }
        }

        return new StoredFilteredEvents(GeneratedAt, source, Filters, Events);
    }
}
