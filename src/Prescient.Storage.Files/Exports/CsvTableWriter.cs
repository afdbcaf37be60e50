using System.Globalization;
using CsvHelper;
using Prescient.Storage.Files.IO;

namespace Prescient.Storage.Files.Exports;

/// <summary>
/// Streams one CSV export into a <see cref="PendingFile"/>, row by row, the way every export is
/// written: RFC 4180 (fields quoted when they hold a comma, quote or line break), UTF-8 with a
/// byte-order mark (so Excel reads accents and emoji correctly), CRLF line ends, one header row,
/// every row as wide as the header.
/// </summary>
internal sealed class CsvTableWriter : IPendingOutput
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

    private readonly PendingFile _file;
    private readonly CsvWriter _csv;
    private bool _finished;

    private CsvTableWriter(PendingFile file)
    {
        _file = file;
        _csv = CsvWriter.Create(file.Stream, WriterOptions, leaveOpen: true);
    }

    /// <summary>The path the export replaces.</summary>
    public string Target => _file.Target;

    /// <summary>Rows written so far, the header not counted.</summary>
    public int Count { get; private set; }

    /// <summary>Starts the export at <paramref name="path"/> with its header row (names neutralised like text).</summary>
    public static async Task<CsvTableWriter> BeginAsync(string path, IReadOnlyList<string> header, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(header);
        var table = new CsvTableWriter(PendingFile.Create(path));
        try
        {
            await table.WriteRecordAsync(header.Select(CsvCell.Text), cancellationToken).ConfigureAwait(false);
            return table;
        }
        catch
        {
            await table.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Starts a typed export: the header from the columns' names.</summary>
    public static Task<CsvTableWriter> BeginAsync<T>(string path, IReadOnlyList<CsvColumn<T>> columns, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(columns);
        return BeginAsync(path, columns.Select(c => c.Name).ToArray(), cancellationToken);
    }

    /// <summary>Writes one row of already formatted cells (see <see cref="CsvCell"/>).</summary>
    public async Task WriteRowAsync(IEnumerable<string> cells, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        await WriteRecordAsync(cells, cancellationToken).ConfigureAwait(false);
        Count++;
    }

    /// <summary>Writes one typed row, a cell per column.</summary>
    public Task WriteRowAsync<T>(IReadOnlyList<CsvColumn<T>> columns, T row, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(columns);
        return WriteRowAsync(columns.Select(c => c.Cell(row)), cancellationToken);
    }

    /// <summary>Flushes every row to disk; the file is then ready to replace its target.</summary>
    public async Task FinishAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        await _csv.FlushAsync(cancellationToken).ConfigureAwait(false);
        _finished = true;
        await _csv.DisposeAsync().ConfigureAwait(false);
        await _file.CloseAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Replaces the target with the finished file.</summary>
    public void Replace() => _file.Replace();

    /// <summary>Deletes the file unless it replaced its target.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_finished)
        {
            _finished = true;
            try
            {
                await _csv.DisposeAsync().ConfigureAwait(false);
            }
            catch (IOException)
            {
                // Disposing flushes rows into a file that is deleted next: its failure is moot.
            }
        }

        await _file.DisposeAsync().ConfigureAwait(false);
    }

    private async Task WriteRecordAsync(IEnumerable<string> cells, CancellationToken cancellationToken)
    {
        foreach (var cell in cells)
        {
            _csv.WriteField(cell);
        }

        await _csv.EndRecordAsync(cancellationToken).ConfigureAwait(false);
    }
}
