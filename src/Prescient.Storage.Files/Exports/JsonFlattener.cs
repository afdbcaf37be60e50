using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Prescient.Storage.Files.Exports;

/// <summary>
/// Flattens upstream JSON objects into CSV cells: nested objects become dotted columns
/// (<c>eventMetadata.priceToBeat</c>), arrays stay whole as compact JSON text (the <c>markets</c>
/// array too), an empty object is the text <c>{}</c>, null is an empty cell. Numbers are written as
/// received; strings are neutralised like any text.
/// </summary>
internal static class JsonFlattener
{
    private static readonly JsonWriterOptions Compact = new()
    {
        Indented = false,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Adds the leaf columns of <paramref name="obj"/> to <paramref name="columns"/> (first-seen order).</summary>
    public static void AddColumns(JsonElement obj, ColumnUnion columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        VisitLeaves(obj, prefix: null, (column, _) => columns.Add(column));
    }

    /// <summary>The cells of one object, keyed by column.</summary>
    public static Dictionary<string, string> Cells(JsonElement obj)
    {
        var cells = new Dictionary<string, string>(StringComparer.Ordinal);
        VisitLeaves(obj, prefix: null, (column, node) => cells[column] = Cell(node));
        return cells;
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

    /// <summary>An array or empty object as compact JSON, whatever whitespace it arrived with.</summary>
    private static string CompactText(JsonElement value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Compact))
        {
            value.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
