using System.Text.Json;
using Prescient.Domain.Ids;
using Prescient.Domain.Markets;
using Prescient.Engine.Markets;

namespace Prescient.Testing.Fakes;

/// <summary>
/// Maps a stored event object with a string <c>id</c> (and optional <c>slug</c>, <c>title</c>) back to
/// an event without markets, as the raw objects of <see cref="Builders.EventBuilder"/> carry; anything
/// else does not map (null), and is counted in <see cref="Rejected"/>.
/// </summary>
public sealed class FakeEventParser : IEventParser
{
    public int Rejected { get; private set; }

    public MarketEvent? Parse(JsonElement raw)
    {
        if (raw.ValueKind != JsonValueKind.Object || !raw.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String)
        {
            Rejected++;
            return null;
        }

        return new MarketEvent
        {
            Id = EventId.Create(id.GetString()!),
            Slug = Text(raw, "slug"),
            Title = Text(raw, "title"),
            Raw = raw.Clone(),
        };
    }

    private static string? Text(JsonElement raw, string name) =>
        raw.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
