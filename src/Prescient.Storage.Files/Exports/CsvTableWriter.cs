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
    /// <summary>The line end of every row.</summary>
    public const string NewLine = "\r\n";

    private static readonly CsvWriterOptions WriterOptions = CsvWriterOptions.Default with
    {
        Mode = CsvMode.Rfc4180,
        NewLine = NewLine,
        WriteByteOrderMark = true,
        Quoting = CsvQuoting.WhenNeeded,

        // Neutralisation is done per text cell by CsvCell: CsvHelper's own would also hit numbers.
        Injection = CsvInjection.None,
        ValidateFieldCount = true,
        FormatProvider = CultureInfo.InvariantCulture,
    };

    /// <summary>As the exports, for rows formatted ahead: no byte-order mark, and rows of any width.</summary>
    private static readonly CsvWriterOptions RowOptions = WriterOptions with
    {
        WriteByteOrderMark = false,
        ValidateFieldCount = false,
    };

    private readonly PendingFile _file;
    private readonly CsvWriter _csv;
    private bool _finished;

    /// <summary>True while rows written through <see cref="_csv"/> may still be in its buffer.</summary>
    private bool _buffered;

    private CsvTableWriter(PendingFile file)
    {
        _file = file;
        _csv = CsvWriter.Create(file.Stream, WriterOptions, leaveOpen: true);
    }

    /// <summary>The path the export replaces.</summary>
    public string Target => _file.Target;

    /// <summary>Rows written so far, the header not counted.</summary>
    public int Count { get; private set; }

    /// <summary>
    /// A writer into <paramref name="stream"/> (left open) that quotes and separates fields exactly
    /// as the exports do, without a byte-order mark and without holding rows to one width: for rows
    /// formatted ahead and copied in later with <see cref="WriteFormattedRowsAsync"/>.
    /// </summary>
    public static CsvWriter CreateRowFormatter(Stream stream) => CsvWriter.Create(stream, RowOptions, leaveOpen: true);

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

    /// <summary>
    /// Appends <paramref name="count"/> rows formatted ahead by <see cref="CreateRowFormatter"/>, each
    /// with its <see cref="NewLine"/>, byte for byte.
    /// </summary>
    public async Task WriteFormattedRowsAsync(ReadOnlyMemory<byte> rows, int count, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        if (_buffered)
        {
            // The rows written through the CSV writer go first.
            await _csv.FlushAsync(cancellationToken).ConfigureAwait(false);
            _buffered = false;
        }

        await _file.Stream.WriteAsync(rows, cancellationToken).ConfigureAwait(false);
        Count += count;
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
        _buffered = true;
    }
}
