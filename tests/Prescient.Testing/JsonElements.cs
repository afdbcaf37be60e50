using System.Text.Json;
using System.Text.Json.Nodes;

namespace Prescient.Testing;

/// <summary>Turns node fixtures (easy to edit in a test) into the standalone elements the parsers and <c>MarketEvent.Raw</c> take.</summary>
public static class JsonElements
{
    /// <summary>A standalone copy of <paramref name="node"/>, independent of any document.</summary>
    public static JsonElement ToElement(this JsonNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        using var document = JsonDocument.Parse(node.ToJsonString());
        return document.RootElement.Clone();
    }
}
