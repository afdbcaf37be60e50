using System.Buffers;
using CsvHelper;
using Prescient.Storage.Files.IO;

namespace Prescient.Storage.Files.Exports;

/// <summary>
/// CSV rows formatted before the export's header is known, in a scratch file beside it. Each row is
/// a prefix of its final row: its first cells, as wide as the header was when the row was added.
/// <see cref="CopyToAsync"/> completes each one with empty cells up to the final width, plus one
/// last cell the same for every row, and appends it to the export byte for byte. Only two numbers
/// per row stay in memory, never the rows.
/// </summary>
internal sealed class CsvRowSpool : IAsyncDisposable
{
    private const int ReadBufferSize = 64 * 1024;
    private const int CopyBufferSize = 256 * 1024;

    private readonly PendingFile _file;
    private readonly MemoryStream _row = new();
    private readonly CsvWriter _csv;

    /// <summary>Per row, its bytes in the file (cells and their separators, no line end) and its cells.</summary>
    private readonly List<(int Length, int Width)> _rows = [];

    private bool _closed;
    private bool _disposed;

    private CsvRowSpool(PendingFile file)
    {
        _file = file;
        _csv = CsvTableWriter.CreateRowFormatter(_row);
    }

    /// <summary>Rows added so far.</summary>
    public int Count => _rows.Count;

    /// <summary>Where the current row's cells go, one field each, in column order.</summary>
    public CsvWriter Cells => _csv;

    /// <summary>Starts a spool beside <paramref name="path"/> (a scratch file, deleted when disposed).</summary>
    public static CsvRowSpool Create(string path) => new(PendingFile.CreateScratch(path));

    /// <summary>Ends the row whose <paramref name="width"/> cells were written to <see cref="Cells"/>.</summary>
    public async Task EndRowAsync(int width, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_closed, this);
        if (_csv.FieldCount != width)
        {
            throw new InvalidOperationException($"The row has {_csv.FieldCount} cells written, not {width}.");
        }

        if (width == 0)
        {
            _rows.Add((0, 0));
            return;
        }

        // An empty cell more puts a separator after the last real one, where the next cell goes,
        // and keeps CsvHelper from writing a row of one empty cell as "" (its mark for such a row).
        _csv.WriteField(ReadOnlySpan<byte>.Empty);

        // Into memory, so nothing to wait for.
        _csv.EndRecord();
        _csv.Flush();
        var length = checked((int)_row.Length) - CsvTableWriter.NewLine.Length;
        await _file.Stream.WriteAsync(_row.GetBuffer().AsMemory(0, length), cancellationToken).ConfigureAwait(false);
        _row.SetLength(0);
        _rows.Add((length, width));
    }

    /// <summary>Flushes the rows to the operating system; the spool takes no more rows.</summary>
    public async Task CloseAsync(CancellationToken cancellationToken)
    {
        _closed = true;

        // Read back and deleted: it never needs to reach the disk.
        await _file.CloseScratchAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Appends every row to <paramref name="table"/>, in order, each completed to <paramref name="width"/>
    /// cells with empty ones and then <paramref name="last"/>, formatted as a cell like any other.
    /// </summary>
    public async Task CopyToAsync(CsvTableWriter table, int width, string last, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (!_closed)
        {
            throw new InvalidOperationException("The spool must be closed before its rows are copied.");
        }

        // A row of width empty cells and the last one: a row of k cells continues it from its k-th
        // byte on, since each empty cell there is just its separator. CsvHelper formats it, so an
        // all-empty row of one cell comes out as it would.
        var padding = Padding(width, last);
        var buffer = ArrayPool<byte>.Shared.Rent(CopyBufferSize);
        var source = new FileStream(_file.TempPath, FileMode.Open, FileAccess.Read, FileShare.Read, ReadBufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan);
        try
        {
            await using (source.ConfigureAwait(false))
            {
                var used = 0;
                var pending = 0;
                foreach (var (length, cells) in _rows)
                {
                    if (cells > width)
                    {
                        throw new InvalidOperationException($"A spooled row has {cells} cells, more than the {width} of the export.");
                    }

                    var size = length + padding.Length - cells;
                    if (used + size > buffer.Length)
                    {
                        await table.WriteFormattedRowsAsync(buffer.AsMemory(0, used), pending, cancellationToken).ConfigureAwait(false);
                        (used, pending) = (0, 0);
                        if (size > buffer.Length)
                        {
                            ArrayPool<byte>.Shared.Return(buffer);
                            buffer = ArrayPool<byte>.Shared.Rent(size);
                        }
                    }

                    await source.ReadExactlyAsync(buffer.AsMemory(used, length), cancellationToken).ConfigureAwait(false);
                    padding.AsSpan(cells).CopyTo(buffer.AsSpan(used + length));
                    used += size;
                    pending++;
                }

                await table.WriteFormattedRowsAsync(buffer.AsMemory(0, used), pending, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Deletes the scratch file.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        (_closed, _disposed) = (true, true);
        await _csv.DisposeAsync().ConfigureAwait(false);
        await _row.DisposeAsync().ConfigureAwait(false);
        await _file.DisposeAsync().ConfigureAwait(false);
    }

    private static byte[] Padding(int width, string last)
    {
        using var bytes = new MemoryStream();
        using (var csv = CsvTableWriter.CreateRowFormatter(bytes))
        {
            for (var i = 0; i < width; i++)
            {
                csv.WriteField(ReadOnlySpan<byte>.Empty);
            }

            csv.WriteField(last);
            csv.EndRecord();
            csv.Flush();
        }

        return bytes.ToArray();
    }
}
