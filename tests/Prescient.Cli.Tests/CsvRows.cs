using CsvHelper;

namespace Prescient.Cli.Tests;

/// <summary>A CSV file's rows as a spreadsheet reads them (the header a row like the others).</summary>
internal static class CsvRows
{
    public static string[][] Read(byte[] csv)
    {
        using var reader = CsvReader.Create(new MemoryStream(csv), CsvReaderOptions.Default with { HasHeader = false }, leaveOpen: false);
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetString(i))]);
        }

        return [.. rows];
    }
}
