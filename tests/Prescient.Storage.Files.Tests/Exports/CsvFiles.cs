using CsvHelper;

namespace Prescient.Storage.Files.Tests.Exports;

/// <summary>Reads an export back with CsvHelper: the header and every row as text.</summary>
internal static class CsvFiles
{
    public static (IReadOnlyList<string> Header, IReadOnlyList<string[]> Rows) Read(string path)
    {
        using var reader = CsvReader.Create(File.OpenRead(path), CsvReaderOptions.Default with { HasHeader = false }, leaveOpen: false);
        var records = new List<string[]>();
        while (reader.Read())
        {
            records.Add(Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToArray());
        }

        return (records[0], records.Skip(1).ToArray());
    }

    /// <summary>The cells of one column, by header name.</summary>
    public static IReadOnlyList<string> Column(this (IReadOnlyList<string> Header, IReadOnlyList<string[]> Rows) table, string name)
    {
        var index = table.Header.ToList().IndexOf(name);
        Assert.True(index >= 0, $"no column {name}");
        return table.Rows.Select(r => r[index]).ToArray();
    }
}
