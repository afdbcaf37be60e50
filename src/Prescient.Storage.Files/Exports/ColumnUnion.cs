namespace Prescient.Storage.Files.Exports;

/// <summary>Column names in first-seen order, each once: the header of an export whose columns come from the data.</summary>
internal sealed class ColumnUnion
{
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly List<string> _columns = [];

    public IReadOnlyList<string> Columns => _columns;

    public bool Contains(string column) => _seen.Contains(column);

    public void Add(string column)
    {
        if (_seen.Add(column))
        {
            _columns.Add(column);
        }
    }
}
