namespace Prescient.Storage.Files.Exports;

/// <summary>
/// Writes whole CSV files the way every export is written (see <see cref="CsvTableWriter"/>: RFC
/// 4180, UTF-8 with a byte-order mark, CRLF, one header row, every row as wide as the header),
/// replaced atomically.
/// </summary>
public static class CsvTable
{
    /// <summary>Writes a typed table: one header row from the columns, then one row per item.</summary>
    public static async Task WriteAsync<T>(string path, IReadOnlyList<CsvColumn<T>> columns, IEnumerable<T> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        var table = await CsvTableWriter.BeginAsync(path, columns, cancellationToken).ConfigureAwait(false);
        await using (table.ConfigureAwait(false))
        {
            foreach (var row in rows)
            {
                await table.WriteRowAsync(columns, row, cancellationToken).ConfigureAwait(false);
            }

            await table.FinishAsync(cancellationToken).ConfigureAwait(false);
            table.Replace();
        }
    }

    /// <summary>
    /// Writes a header and rows of already formatted cells (see <see cref="CsvCell"/>). Header names
    /// are neutralised like text. Rows are enumerated once, as they are written.
    /// </summary>
    public static async Task WriteAsync(string path, IReadOnlyList<string> header, IEnumerable<IEnumerable<string>> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        var table = await CsvTableWriter.BeginAsync(path, header, cancellationToken).ConfigureAwait(false);
        await using (table.ConfigureAwait(false))
        {
            foreach (var row in rows)
            {
                await table.WriteRowAsync(row, cancellationToken).ConfigureAwait(false);
            }

            await table.FinishAsync(cancellationToken).ConfigureAwait(false);
            table.Replace();
        }
    }
}
