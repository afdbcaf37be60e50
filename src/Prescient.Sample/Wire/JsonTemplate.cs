using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Prescient.Sample.Wire;

/// <summary>Decides a template property's value: writes it (name and value), omits it, or leaves the recorded value.</summary>
internal interface IFieldWriter
{
    /// <summary>True when the property was handled (written or deliberately omitted); false keeps the recorded value.</summary>
    bool TryWrite(Utf8JsonWriter writer, string name, JsonEncodedText encodedName);
}

/// <summary>
/// A recorded Polymarket object compiled for fast writing: its property names, in the recorded
/// order, each with its recorded value as raw JSON. Writing replays the recording and lets an
/// <see cref="IFieldWriter"/> overwrite the simulated fields, so every real field name and JSON
/// type appears as Polymarket sends it, at the cost of copying bytes.
/// </summary>
internal sealed class JsonTemplate
{
    private readonly Property[] _properties;

    /// <summary>Compiles the union of the sources' properties (first source's order, then new keys of the next ones).</summary>
    public JsonTemplate(IEnumerable<JsonObject> sources, params string[] exclude)
    {
        var seen = new HashSet<string>(exclude, StringComparer.Ordinal);
        var properties = new List<Property>();
        foreach (var source in sources)
        {
            foreach (var (name, value) in source)
            {
                if (seen.Add(name))
                {
                    var raw = Encoding.UTF8.GetBytes(value?.ToJsonString() ?? "null");
                    properties.Add(new Property(name, JsonEncodedText.Encode(name), raw));
                }
            }
        }

        _properties = [.. properties];
    }

    public void Write<TFields>(Utf8JsonWriter writer, TFields fields)
        where TFields : IFieldWriter
    {
        writer.WriteStartObject();
        foreach (var p in _properties)
        {
            if (!fields.TryWrite(writer, p.Name, p.EncodedName))
            {
                writer.WritePropertyName(p.EncodedName);
                writer.WriteRawValue(p.Raw, skipInputValidation: true);
            }
        }

        writer.WriteEndObject();
    }

    private readonly record struct Property(string Name, JsonEncodedText EncodedName, byte[] Raw);
}
