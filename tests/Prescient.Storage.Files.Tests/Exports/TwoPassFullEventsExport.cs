using System.Buffers;
using System.Runtime.InteropServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Prescient.Storage.Files.Exports;
using Prescient.Storage.Files.Json;

namespace Prescient.Storage.Files.Tests.Exports;

/// <summary>
/// The reference for <see cref="FullEventsExport"/>: the full events export as it was written
/// before rows were formatted when added, in two passes. The first collects the key union while
/// each event goes to a spool as one line of compact JSON; the second parses every line again,
/// flattens it again into a row of strings and writes it through <see cref="CsvTableWriter"/>.
/// Arrays are always rewritten compact here, which is what the old shortcut for arrays that were
/// already compact (<see cref="JsonCellWriter.IsWriterOutput"/>) stood for.
/// </summary>
internal static class TwoPassFullEventsExport
{
    private static readonly JsonWriterOptions LineOptions = new() { Indented = false, Encoder = PrescientJson.Options.Encoder };

    private static readonly JsonWriterOptions Compact = new() { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task WriteAsync(string path, IEnumerable<JsonElement> events, string label)
    {
        var columns = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var lines = new List<byte[]>();
        foreach (var raw in events)
        {
            VisitLeaves(raw, prefix: null, (column, _) =>
            {
                if (seen.Add(column))
                {
                    columns.Add(column);
                }
            });
            lines.Add(OneLine(raw));
        }

        var sourceColumn = seen.Contains("source") ? "prescient_source" : "source";
        var index = columns.Select((column, i) => (column, i)).ToDictionary(p => p.column, p => p.i, StringComparer.Ordinal);
        var table = await CsvTableWriter.BeginAsync(path, [.. columns, sourceColumn], CancellationToken.None);
        await using (table)
        {
            var row = new string[columns.Count + 1];
            row[^1] = label;
            foreach (var line in lines)
            {
                Array.Fill(row, string.Empty, 0, columns.Count);
                using (var document = JsonDocument.Parse(line))
                {
                    VisitLeaves(document.RootElement, prefix: null, (column, node) => row[index[column]] = Cell(node));
                }

                await table.WriteRowAsync(row, CancellationToken.None);
            }

            await table.FinishAsync(CancellationToken.None);
            table.Replace();
        }
    }

    /// <summary>The spooled line: the received bytes when they are one line of UTF-8, else the value re-serialised.</summary>
    private static byte[] OneLine(JsonElement raw)
    {
        var bytes = JsonMarshal.GetRawUtf8Value(raw);
        if (bytes.IndexOfAny((byte)'\n', (byte)'\r') < 0 && Utf8.IsValid(bytes))
        {
            return bytes.ToArray();
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, LineOptions))
        {
            raw.WriteTo(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void VisitLeaves(JsonElement obj, string? prefix, Action<string, JsonElement> leaf)
    {
        foreach (var property in obj.EnumerateObject())
        {
            var column = prefix is null ? property.Name : prefix + "." + property.Name;
            var value = property.Value;
            if (value.ValueKind == JsonValueKind.Object && value.EnumerateObject().MoveNext())
            {
                VisitLeaves(value, column, leaf);
            }
            else
            {
                leaf(column, value);
            }
        }
    }

    private static string Cell(JsonElement value) =>
        value.ValueKind switch
        {
            JsonValueKind.Null or JsonValueKind.Undefined => string.Empty,
            JsonValueKind.String => CsvCell.Text(value.GetString()!),
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => CsvCell.Text(CompactText(value)),
        };

    private static string CompactText(JsonElement value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Compact))
        {
            value.WriteTo(writer);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
