using System.Globalization;
using System.Text.Json;
using Prescient.Engine.Markets;
using Prescient.Storage.Files.IO;

namespace Prescient.Storage.Files.Exports;

/// <summary>
/// <c>exports/events_full_YYYYMMDD_HHMMSS.csv</c>, built incrementally: its columns are the union of
/// the flattened keys of every event (see <see cref="JsonFlattener"/>), known only after the last one.
/// Columns are in first-seen order, so each added event's row is complete as soon as it is added,
/// but for the columns later events bring, which are empty for it: it is formatted once and spooled
/// as CSV to a scratch file beside the export (see <see cref="CsvRowSpool"/>). <see cref="FinishAsync"/>
/// writes the header, then each spooled row followed by its empty cells and the source label.
/// </summary>
internal sealed class FullEventsExport : IPendingOutput
{
    private readonly string _path;
    private readonly MarketSourceInfo _source;
    private readonly JsonFlattener _flattener = new();
    private readonly JsonCellWriter _cells = new();
    private readonly CsvRowSpool _spool;
    private CsvTableWriter? _table;
    private bool _spoolClosed;

    private FullEventsExport(string path, MarketSourceInfo source)
    {
        _path = path;
        _source = source;
        _spool = CsvRowSpool.Create(path + ".rows");
    }

    /// <summary>The path the export replaces.</summary>
    public string Target => Path.GetFullPath(_path);

    /// <summary>Events added so far.</summary>
    public int Count => _spool.Count;

    /// <summary>Starts the export of the run generated at <paramref name="generatedAt"/> (named from its UTC time).</summary>
    public static FullEventsExport Begin(DataFolder folder, DateTimeOffset generatedAt, MarketSourceInfo source)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(source);
        var stamp = generatedAt.UtcDateTime.ToString("yyyyMMdd_HHmmss", CultureInfo.InvariantCulture);
        return new FullEventsExport(folder.Export($"events_full_{stamp}"), source);
    }

    /// <summary>Adds one upstream event's columns to the header and spools its row; the object is not kept.</summary>
    public async Task AddAsync(JsonElement raw, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_spoolClosed, this);
        var width = WriteCells(raw);
        await _spool.EndRowAsync(width, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Writes the CSV: the union header plus our <c>source</c> label column (named
    /// <c>prescient_source</c> when upstream already has a <c>source</c> key), then the spooled rows;
    /// flushes it to disk and deletes the spool.
    /// </summary>
    public async Task FinishAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_spoolClosed, this);
        _spoolClosed = true;
        _cells.Dispose();
        _flattener.Dispose();
        await _spool.CloseAsync(cancellationToken).ConfigureAwait(false);

        var columns = _flattener.Columns;
        var sourceColumn = columns.Contains("source") ? "prescient_source" : "source";
        _table = await CsvTableWriter.BeginAsync(_path, [.. columns.Columns, sourceColumn], cancellationToken).ConfigureAwait(false);
        await _spool.CopyToAsync(_table, columns.Count, _source.Label, cancellationToken).ConfigureAwait(false);
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
        _spoolClosed = true;
        _cells.Dispose();
        _flattener.Dispose();
        await _spool.DisposeAsync().ConfigureAwait(false);
        if (_table is not null)
        {
            await _table.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Writes the cells of <paramref name="raw"/>'s row to the spool; returns how many.</summary>
    private int WriteCells(JsonElement raw)
    {
        var row = _flattener.Flatten(raw);
        foreach (var cell in row)
        {
            _cells.Write(_spool.Cells, cell);
        }

        return row.Length;
    }
}
