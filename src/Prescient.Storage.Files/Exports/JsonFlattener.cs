using System.Buffers;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Unicode;

namespace Prescient.Storage.Files.Exports;

/// <summary>
/// Flattens upstream JSON objects into rows of leaf values under a growing column union: nested
/// objects become dotted columns (<c>eventMetadata.priceToBeat</c>), while arrays (the
/// <c>markets</c> array too), empty objects and scalars are leaves (see <see cref="JsonCellWriter"/>
/// for their cell text). Columns are in first-seen order, so a row only ever has cells below the
/// union's size at the time it was flattened: every column added later is empty for it.
/// </summary>
internal sealed class JsonFlattener : IDisposable
{
    private readonly ColumnPath _root;
    private JsonElement[] _row = new JsonElement[64];
    private int _width;

    /// <summary>The last object, re-serialised because its bytes were not UTF-8; its row points into it.</summary>
    private JsonDocument? _repaired;

    public JsonFlattener()
    {
        _root = ColumnPath.Root(Columns);
    }

    /// <summary>Every column seen so far, in first-seen order.</summary>
    public ColumnUnion Columns { get; } = new();

    /// <summary>
    /// Adds the leaf columns of <paramref name="obj"/> to <see cref="Columns"/> and returns its row: one
    /// value per column seen so far, <c>default</c> (an empty cell) where it has no such leaf; a key that
    /// repeats keeps its last value. The row is valid until the next call. Text that is not UTF-8 (a
    /// parse does not check inside strings) is read as the JSON writer repairs it, each bad sequence
    /// becoming U+FFFD; a key that is not UTF-8 throws.
    /// </summary>
    public ReadOnlySpan<JsonElement> Flatten(JsonElement obj)
    {
        // Only the previous row's cells can be set: it was as wide as the union was then.
        Array.Clear(_row, 0, _width);
        _repaired?.Dispose();
        _repaired = null;
        if (!Utf8.IsValid(JsonMarshal.GetRawUtf8Value(obj)))
        {
            // Columns from the received keys (one that is not UTF-8 throws), cells from the repaired copy.
            Visit(obj, _root);
            _repaired = Repaired(obj);
            obj = _repaired.RootElement;
        }

        Visit(obj, _root);
        _width = Columns.Count;
        return _row.AsSpan(0, _width);
    }

    public void Dispose()
    {
        _repaired?.Dispose();
        _repaired = null;
    }

    private static JsonDocument Repaired(JsonElement obj)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            obj.WriteTo(writer);
        }

        return JsonDocument.Parse(buffer.WrittenMemory);
    }

    private void Visit(JsonElement obj, ColumnPath parent)
    {
        foreach (var property in obj.EnumerateObject())
        {
            var path = parent.Child(property);
            var value = property.Value;
            if (value.ValueKind == JsonValueKind.Object && value.EnumerateObject().MoveNext())
            {
                Visit(value, path);
                continue;
            }

            var at = path.Column();
            if (at >= _row.Length)
            {
                Array.Resize(ref _row, Math.Max(at + 1, _row.Length * 2));
            }

            _row[at] = value;
        }
    }
}
