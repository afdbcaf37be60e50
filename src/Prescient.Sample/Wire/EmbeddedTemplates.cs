using System.Text.Json.Nodes;

namespace Prescient.Sample.Wire;

/// <summary>
/// The recorded Polymarket payloads embedded in this assembly (fixtures/polymarket/gamma and
/// clob), parsed once. Callers clone or compile them; the parsed nodes are never modified.
/// </summary>
internal static class EmbeddedTemplates
{
    private const string Prefix = "Prescient.Sample.Templates.";

    /// <summary>Parses <c>gamma/market_sports_moneyline.json</c> given as <c>"gamma", "market_sports_moneyline"</c>.</summary>
    public static JsonNode Load(string api, string name)
    {
        var resource = $"{Prefix}{api}.{name}.json";
        using var stream = typeof(EmbeddedTemplates).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded template {resource} is missing from Prescient.Sample.");
        return JsonNode.Parse(stream) ?? throw new InvalidOperationException($"Embedded template {resource} is JSON null.");
    }

    /// <summary>The first element of a recorded array, or the object itself.</summary>
    public static JsonObject LoadObject(string api, string name) =>
        Load(api, name) switch
        {
            JsonArray array => array[0]!.AsObject(),
            JsonObject obj => obj,
            _ => throw new InvalidOperationException($"Template {api}/{name} is neither an object nor an array."),
        };
}
