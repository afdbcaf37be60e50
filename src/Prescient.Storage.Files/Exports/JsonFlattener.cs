using System.Buffers;
using System.Runtime.InteropServices;
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

    /// <summary>
    /// Writes the cells of one object into <paramref name="row"/> at their column's position in
    /// <paramref name="columns"/>; a leaf without a column is left out, a column without a leaf untouched.
    /// </summary>
    public static void FillCells(JsonElement obj, Dictionary<string, int> columns, string[] row)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(row);
        VisitLeaves(obj, prefix: null, (column, node) =>
        {
            if (columns.TryGetValue(column, out var at))
            {
                row[at] = Cell(node);
            }
        });
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
        var raw = JsonMarshal.GetRawUtf8Value(value);
        if (IsWriterOutput(raw))
        {
            return Encoding.ASCII.GetString(raw);
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Compact))
        {
            value.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>
    /// True when <paramref name="raw"/> is already exactly what the compact writer would write for
    /// it (it usually is: upstream sends compact JSON), so it need not be rewritten: printable
    /// ASCII, no whitespace outside strings, and no escapes but the ones the writer itself uses
    /// (<c>\"</c>, <c>\\</c>, <c>\n</c>, <c>\r</c>, <c>\t</c>).
    /// </summary>
    internal static bool IsWriterOutput(ReadOnlySpan<byte> raw)
    {
        var inString = false;
        for (var i = 0; i < raw.Length; i++)
        {
            var b = raw[i];
            if (b is < 0x20 or > 0x7E)
            {
                return false;
            }

            if (!inString)
            {
                if (b == (byte)' ')
                {
                    return false;
                }

                inString = b == (byte)'"';
            }
            else if (b == (byte)'"')
            {
                inString = false;
            }
            else if (b == (byte)'\\')
            {
                i++;
                if (i == raw.Length || raw[i] is not ((byte)'"' or (byte)'\\' or (byte)'n' or (byte)'r' or (byte)'t'))
                {
                    return false;
                }
            }
        }

        return true;
    }
}
