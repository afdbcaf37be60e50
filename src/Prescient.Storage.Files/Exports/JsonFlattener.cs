using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Prescient.Storage.Files.Exports;

/// <summary>
/// Flattens upstream JSON objects into CSV cells: nested objects become dotted columns
/// (<c>eventMetadata.priceToBeat</c>), arrays stay whole as compact JSON text (the <c>markets</c>
/// array too), an empty object is the text <c>{}</c>, null is an empty cell. Numbers are written as
/// received; strings are neutralised like any text.
/// </summary>
internal static class JsonFlattener
{
    private static readonly JsonSerializerOptions Compact = new()
    {
        WriteIndented = false,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Adds the leaf columns of <paramref name="obj"/> to <paramref name="columns"/> (first-seen order).</summary>
    public static void AddColumns(JsonObject obj, ColumnUnion columns)
    {
        ArgumentNullException.ThrowIfNull(obj);
        ArgumentNullException.ThrowIfNull(columns);
        VisitLeaves(obj, prefix: null, (column, _) => columns.Add(column));
    }

    /// <summary>The cells of one object, keyed by column.</summary>
    public static Dictionary<string, string> Cells(JsonObject obj)
    {
        var cells = new Dictionary<string, string>(StringComparer.Ordinal);
        VisitLeaves(obj, prefix: null, (column, node) => cells[column] = Cell(node));
        return cells;
    }

    private static void VisitLeaves(JsonObject obj, string? prefix, Action<string, JsonNode?> leaf)
    {
        foreach (var (key, value) in obj)
        {
            var column = prefix is null ? key : prefix + "." + key;
            if (value is JsonObject { Count: > 0 } nested)
            {
                VisitLeaves(nested, column, leaf);
            }
            else
            {
                leaf(column, value);
            }
        }
    }

    private static string Cell(JsonNode? node) =>
        node?.GetValueKind() switch
        {
            null or JsonValueKind.Null or JsonValueKind.Undefined => string.Empty,
            JsonValueKind.String => CsvCell.Text(node.GetValue<string>()),
            JsonValueKind.Number => node.ToJsonString(Compact),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => CsvCell.Text(node.ToJsonString(Compact)),
        };
}
