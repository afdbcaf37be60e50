namespace Prescient.Storage.Files.Exports;

/// <summary>Column names in first-seen order, each once: the header of an export whose columns come from the data.</summary>
internal sealed class ColumnUnion
{
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly List<string> _columns = [];

    public IReadOnlyList<string> Columns => _columns;

    public int Count => _columns.Count;

    public bool Contains(string column) => _index.ContainsKey(column);

    /// <summary>The position of <paramref name="column"/>, added at the end when it is new.</summary>
    public int Add(string column)
    {
        if (!_index.TryGetValue(column, out var at))
        {
            at = _columns.Count;
            _index.Add(column, at);
            _columns.Add(column);
        }

        return at;
    }
}
