using System.Globalization;
using CsvHelper;
using Prescient.Storage.Files.IO;

namespace Prescient.Storage.Files.Exports;

/// <summary>
/// Writes CSV files the way every export is written: RFC 4180 (fields quoted when they hold a comma,
/// quote or line break), UTF-8 with a byte-order mark (so Excel reads accents and emoji correctly),
/// CRLF line ends, one header row, every row as wide as the header, replaced atomically.
/// </summary>
public static class CsvTable
{
    private static readonly CsvWriterOptions WriterOptions = CsvWriterOptions.Default with
    {
        Mode = CsvMode.Rfc4180,
        NewLine = "\r\n",
        WriteByteOrderMark = true,
        Quoting = CsvQuoting.WhenNeeded,

        // Neutralisation is done per text cell by CsvCell: CsvHelper's own would also hit numbers.
        Injection = CsvInjection.None,
        ValidateFieldCount = true,
        FormatProvider = CultureInfo.InvariantCulture,
    };

    /// <summary>Writes a typed table: one header row from the columns, then one row per item.</summary>
    public static Task WriteAsync<T>(string path, IReadOnlyList<CsvColumn<T>> columns, IEnumerable<T> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        return WriteAsync(
            path,
            columns.Select(c => c.Name).ToArray(),
            rows.Select(row => columns.Select(c => c.Cell(row))),
            cancellationToken);
    }

    /// <summary>
    /// Writes a header and rows of already formatted cells (see <see cref="CsvCell"/>). Header names
    /// are neutralised like text. Rows are enumerated once, as they are written.
    /// </summary>
    public static Task WriteAsync(string path, IReadOnlyList<string> header, IEnumerable<IEnumerable<string>> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        return AtomicFile.WriteAsync(
            path,
            async (stream, ct) =>
            {
                var csv = CsvWriter.Create(stream, WriterOptions, leaveOpen: true);
                await using (csv.ConfigureAwait(false))
                {
                    await WriteRecordAsync(csv, header.Select(CsvCell.Text), ct).ConfigureAwait(false);
                    foreach (var row in rows)
                    {
                        await WriteRecordAsync(csv, row, ct).ConfigureAwait(false);
                    }

                    await csv.FlushAsync(ct).ConfigureAwait(false);
                }
            },
            cancellationToken);
    }

    private static async Task WriteRecordAsync(CsvWriter csv, IEnumerable<string> cells, CancellationToken cancellationToken)
    {
        foreach (var cell in cells)
        {
            csv.WriteField(cell);
        }

        await csv.EndRecordAsync(cancellationToken).ConfigureAwait(false);
    }
}
