using System.Text.Json;
using Prescient.Domain.Markets;

namespace Prescient.Engine.Markets;

/// <summary>
/// Maps one stored upstream event object (as kept whole in <c>events/filtered_events.json</c>) back
/// to a <see cref="MarketEvent"/>, so exports can be regenerated from the files without the network.
/// </summary>
public interface IEventParser
{
    /// <summary>The event, or null when the object cannot be mapped (the implementation logs why).</summary>
    MarketEvent? Parse(JsonElement raw);
}
