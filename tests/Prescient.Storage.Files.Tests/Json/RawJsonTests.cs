using System.Text;
using System.Text.Json;
using Prescient.Storage.Files.Json;

namespace Prescient.Storage.Files.Tests.Json;

public sealed class RawJsonTests
{
    private const string Events = """[{"id":"1","title":"caf\u00e9 \"quoted\"","n":1.50},{"id":"2","nested":{"a":[1,2]}}]""";

    [Fact]
    public void Write_IndentedArray_EachValueOnItsOwnIndentedLineAndSameValues()
    {
        using var source = JsonDocument.Parse(Events);

        var text = WriteArray(PrescientJson.WriterOptions, source.RootElement, RawJson.Write);

        var lines = text.Split('\n');
        Assert.Contains("    {\"id\":\"1\",\"title\":\"caf\\u00e9 \\\"quoted\\\"\",\"n\":1.50},", lines);
        Assert.Contains("    {\"id\":\"2\",\"nested\":{\"a\":[1,2]}}", lines);
        using var written = JsonDocument.Parse(text);
        Assert.True(JsonElement.DeepEquals(source.RootElement, written.RootElement.GetProperty("events")));
    }

    private static string WriteArray(JsonWriterOptions options, JsonElement items, Action<Utf8JsonWriter, JsonElement> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, options))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("events");
            foreach (var item in items.EnumerateArray())
            {
                write(writer, item);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
