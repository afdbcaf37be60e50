using System.Globalization;
using CsvHelper;

namespace Prescient.Storage.Files.Tests.Exports;

/// <summary>Reads an export back with CsvHelper (the header and every row as text), and the inputs the export tests share.</summary>
internal static class CsvFiles
{
    /// <summary>Text from the internet as a spreadsheet must not run it: formula triggers, separators, quotes, line breaks, emoji.</summary>
    public static readonly string[] Hostile =
    [
        "=cmd|' /C calc'!A0",
        "+1",
        "-2",
        "@SUM(1)",
        "\tTabbed",
        "\rCarriage return",
        "comma, inside",
        "quote \"inside\" here",
        "line one\nline two",
        "line one\r\nline two",
        "emoji 🚀📈 and accents éü",
        "plain question?",
    ];

    /// <summary><see cref="Hostile"/> as an export must read back: formula triggers behind a quote, the rest as it was.</summary>
    public static readonly string[] Neutralised =
    [
        "'=cmd|' /C calc'!A0",
        "'+1",
        "'-2",
        "'@SUM(1)",
        "'\tTabbed",
        "'\rCarriage return",
        "comma, inside",
        "quote \"inside\" here",
        "line one\nline two",
        "line one\r\nline two",
        "emoji 🚀📈 and accents éü",
        "plain question?",
    ];

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

    /// <summary>
    /// A culture with a comma decimal separator and a Unicode minus, built by hand because the
    /// build runs with invariant globalization (no ICU culture data, so no real de-DE).
    /// </summary>
    public static CultureInfo CommaCulture()
    {
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        culture.NumberFormat.NumberDecimalSeparator = ",";
        culture.NumberFormat.NumberGroupSeparator = ".";
        culture.NumberFormat.NegativeSign = "\u2212";
        culture.DateTimeFormat.ShortDatePattern = "dd.MM.yyyy";
        return culture;
    }
}
