using System.Globalization;
using System.Text.Json;
using Prescient.Engine.Markets;
using Prescient.Storage.Files.IO;
using Prescient.Storage.Files.Json;

namespace Prescient.Storage.Files.Exports;

/// <summary>
/// <c>exports/events_full_YYYYMMDD_HHMMSS.csv</c>, built incrementally: its columns are the union of
/// the flattened keys of every event (see <see cref="JsonFlattener"/>), known only after the last one.
/// Each added event is spooled as one line of compact JSON to a temporary NDJSON file beside the
/// export while the key union grows; <see cref="FinishAsync"/> writes the CSV in a second pass over
/// that file, one event in memory at a time, and deletes it.
/// </summary>
internal sealed class FullEventsExport : IPendingOutput
{
    private const int ReadBufferSize = 64 * 1024;

    private static readonly JsonWriterOptions LineOptions = new() { Indented = false, Encoder = PrescientJson.Options.Encoder };

    private readonly string _path;
    private readonly MarketSourceInfo _source;
    private readonly PendingFile _spool;
    private readonly Utf8JsonWriter _lineWriter;
    private readonly ColumnUnion _columns = new();
    private CsvTableWriter? _table;
    private bool _spoolClosed;

    private FullEventsExport(string path, MarketSourceInfo source)
    {
        _path = path;
        _source = source;
        _spool = PendingFile.Create(path + ".ndjson");
        _lineWriter = new Utf8JsonWriter(_spool.Stream, LineOptions);
    }

    /// <summary>The path the export replaces.</summary>
    public string Target => Path.GetFullPath(_path);

    /// <summary>Events added so far.</summary>
    public int Count { get; private set; }

    /// <summary>Starts the export of the run generated at <paramref name="generatedAt"/> (named from its UTC time).</summary>
    public static FullEventsExport Begin(DataFolder folder, DateTimeOffset generatedAt, MarketSourceInfo source)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(source);
        var stamp = generatedAt.UtcDateTime.ToString("yyyyMMdd_HHmmss", CultureInfo.InvariantCulture);
        return new FullEventsExport(folder.Export($"events_full_{stamp}"), source);
    }

    /// <summary>Spools one upstream event and adds its columns to the header; the object is not kept.</summary>
    public async Task AddAsync(JsonElement raw, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_spoolClosed, this);
        JsonFlattener.AddColumns(raw, _columns);
        RawJson.WriteOneLine(_lineWriter, raw);
        await _lineWriter.FlushAsync(cancellationToken).ConfigureAwait(false);
        _lineWriter.Reset();

        // Compact JSON escapes line breaks inside strings, so one event is exactly one line.
        _spool.Stream.WriteByte((byte)'\n');
        Count++;
    }

    /// <summary>
    /// Writes the CSV from the spooled events (the union header plus our <c>source</c> label column,
    /// named <c>prescient_source</c> when upstream already has a <c>source</c> key), flushes it to
    /// disk and deletes the spool.
    /// </summary>
    public async Task FinishAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_spoolClosed, this);
        _spoolClosed = true;
        await _lineWriter.DisposeAsync().ConfigureAwait(false);

        // The spool is read back and deleted: it never needs to reach the disk.
        await _spool.CloseScratchAsync(cancellationToken).ConfigureAwait(false);

        var columns = _columns.Columns;
        var sourceColumn = _columns.Contains("source") ? "prescient_source" : "source";
        _table = await CsvTableWriter.BeginAsync(_path, [.. columns, sourceColumn], cancellationToken).ConfigureAwait(false);
        var index = new Dictionary<string, int>(columns.Count, StringComparer.Ordinal);
        for (var i = 0; i < columns.Count; i++)
        {
            index[columns[i]] = i;
        }

        // One row buffer for the whole pass: the leaves an event has fill their cells, the rest stay empty.
        var row = new string[columns.Count + 1];
        row[^1] = _source.Label;
        var stream = new FileStream(_spool.TempPath, FileMode.Open, FileAccess.Read, FileShare.Read, ReadBufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan);
        await using (stream.ConfigureAwait(false))
        {
            var lines = new LineReader(stream);
            while (await lines.ReadLineAsync(cancellationToken).ConfigureAwait(false))
            {
                System.Array.Fill(row, string.Empty, 0, columns.Count);
                using (var document = JsonDocument.Parse(lines.Line))
                {
                    JsonFlattener.FillCells(document.RootElement, index, row);
                }

                await _table.WriteRowAsync(row, cancellationToken).ConfigureAwait(false);
            }
        }

        await _spool.DisposeAsync().ConfigureAwait(false);
        await _table.FinishAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>How many timestamped full exports <c>exports/</c> keeps: a daily cycle writes one a day (MBs each).</summary>
    public const int Kept = 7;

    /// <summary>Replaces the target with the finished export, then deletes all but the <see cref="Kept"/> newest full exports.</summary>
    public void Replace()
    {
        (_table ?? throw new InvalidOperationException("The full events export must be finished before it replaces the target.")).Replace();
        var directory = Path.GetDirectoryName(Target)!;

        // The names sort by their UTC stamp, so ordinal order is age order.
        foreach (var old in Directory.GetFiles(directory, "events_full_*.csv").Order(StringComparer.Ordinal).SkipLast(Kept))
        {
            File.Delete(old);
        }
    }

    /// <summary>Deletes the spool and, unless it replaced its target, the export.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_spoolClosed)
        {
            _spoolClosed = true;

            // Pointed at nowhere first, so disposing it writes nothing to a file about to be deleted.
            _lineWriter.Reset(Stream.Null);
            await _lineWriter.DisposeAsync().ConfigureAwait(false);
        }

        await _spool.DisposeAsync().ConfigureAwait(false);
        if (_table is not null)
        {
            await _table.DisposeAsync().ConfigureAwait(false);
        }
    }
}
