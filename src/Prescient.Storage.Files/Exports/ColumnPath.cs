using System.Buffers;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Unicode;

namespace Prescient.Storage.Files.Exports;

/// <summary>
/// One key path of flattened objects (<c>eventMetadata</c>, then <c>eventMetadata.priceToBeat</c>):
/// its dotted column name is built once, and its column looked up once, when the path is first
/// seen. Every later event with the same keys finds its columns by walking these nodes, without a
/// string per key (thousands of events share a few hundred paths).
/// </summary>
internal sealed class ColumnPath
{
    /// <summary>Longest key, in bytes, looked up without allocating; longer keys are read as strings.</summary>
    private const int MaxStackKey = 256;

    private readonly ColumnUnion _columns;
    private readonly Dictionary<string, ColumnPath> _children = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ColumnPath>.AlternateLookup<ReadOnlySpan<char>> _bySpan;
    private int _column = -1;

    private ColumnPath(ColumnUnion columns, string? name)
    {
        _columns = columns;
        Name = name;
        _bySpan = _children.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The dotted column name; null for the root (the object itself).</summary>
    public string? Name { get; }

    /// <summary>The root of the paths whose leaves are columns of <paramref name="columns"/>.</summary>
    public static ColumnPath Root(ColumnUnion columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        return new ColumnPath(columns, name: null);
    }

    /// <summary>The path one key further down, <c>Name.key</c>.</summary>
    public ColumnPath Child(JsonProperty property)
    {
        // The received bytes of the key decode to its name unless it has escapes (rare) or is not UTF-8.
        var raw = JsonMarshal.GetRawUtf8PropertyName(property);
        Span<char> chars = stackalloc char[MaxStackKey];
        if (raw.Length <= MaxStackKey
            && raw.IndexOf((byte)'\\') < 0
            && Utf8.ToUtf16(raw, chars, out _, out var written, replaceInvalidSequences: false) == OperationStatus.Done)
        {
            return _bySpan.TryGetValue(chars[..written], out var known) ? known : Add(chars[..written].ToString());
        }

        var name = property.Name;
        return _children.TryGetValue(name, out var child) ? child : Add(name);
    }

    /// <summary>The position of this path's column, added to the union when this path is first a leaf.</summary>
    public int Column()
    {
        if (_column < 0)
        {
            // Looked up by name, not assumed new: a key "a.b" and a key "b" inside "a" share one column.
            _column = _columns.Add(Name ?? throw new InvalidOperationException("The root of an object is not a column."));
        }

        return _column;
    }

    private ColumnPath Add(string key)
    {
        var child = new ColumnPath(_columns, Name is null ? key : Name + "." + key);
        _children.Add(key, child);
        return child;
    }
}
