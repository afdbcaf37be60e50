using System.Text.Json;
using Microsoft.Extensions.Logging;
using Prescient.Domain.Markets;
using Prescient.Engine.Extraction;
using Prescient.Engine.Filters;
using Prescient.Engine.Refresh;
using Prescient.Engine.Storage;
using Prescient.Storage.Files.Exports;
using Prescient.Storage.Files.IO;
using Prescient.Storage.Files.Json;

namespace Prescient.Storage.Files.Markets;

/// <summary>
/// One events run streamed into temporary files beside their targets: the raw and filtered events
/// JSON and <c>events_filtered.csv</c>; from <see cref="EventsStage.Extract"/> on, the markets JSON
/// and <c>markets_extracted.csv</c>; at <see cref="EventsStage.All"/>, the full events export. Each
/// event's upstream object is written through once per file and not kept. Commit replaces the
/// targets; disposing first deletes the temporary files and leaves the targets as they were.
/// </summary>
internal sealed class EventsWriter : IEventsWriter
{
    private readonly EventsRun _run;
    private readonly ILogger _logger;
    private readonly IReadOnlyList<CsvColumn<MarketEvent>> _eventColumns;
    private readonly IReadOnlyList<CsvColumn<MarketRow>> _rowColumns;

    /// <summary>Every file of the run, in the order they are finished and replaced.</summary>
    private readonly List<IPendingOutput> _outputs = [];
    private JsonEnvelopeWriter? _raw;
    private JsonEnvelopeWriter? _filtered;
    private CsvTableWriter? _filteredCsv;
    private JsonEnvelopeWriter? _markets;
    private CsvTableWriter? _marketsCsv;
    private FullEventsExport? _full;
    private bool _committed;

    private EventsWriter(EventsRun run, ILogger logger)
    {
        _run = run;
        _logger = logger;
        _eventColumns = EventColumns.For(run.Source);
        _rowColumns = MarketRowColumns.For(run.Source);
    }

    public static async Task<IEventsWriter> BeginAsync(DataFolder folder, EventsRun run, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var writer = new EventsWriter(run, logger);
        try
        {
            writer._raw = writer.Track(
                await JsonEnvelopeWriter.BeginAsync(folder.RawEvents, writer.WriteSource, "events", cancellationToken).ConfigureAwait(false));
            writer._filtered = writer.Track(
                await JsonEnvelopeWriter.BeginAsync(folder.FilteredEvents, writer.WriteFilteredHeader, "events", cancellationToken).ConfigureAwait(false));
            writer._filteredCsv = writer.Track(
                await CsvTableWriter.BeginAsync(folder.Export("events_filtered"), writer._eventColumns, cancellationToken).ConfigureAwait(false));
            if (run.Stage >= EventsStage.Extract)
            {
                writer._markets = writer.Track(
                    await JsonEnvelopeWriter.BeginAsync(folder.FilteredMarkets, writer.WriteSource, "markets", cancellationToken).ConfigureAwait(false));
                writer._marketsCsv = writer.Track(
                    await CsvTableWriter.BeginAsync(folder.Export("markets_extracted"), writer._rowColumns, cancellationToken).ConfigureAwait(false));
            }

            if (run.Stage >= EventsStage.All)
            {
                writer._full = writer.Track(FullEventsExport.Begin(folder, run.GeneratedAt, run.Source));
            }

            return writer;
        }
        catch
        {
            await writer.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async Task AddAsync(MarketEvent marketEvent, bool kept, IReadOnlyList<MarketRow> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(marketEvent);
        ArgumentNullException.ThrowIfNull(rows);
        ObjectDisposedException.ThrowIf(_committed || _raw is null, this);

        // The upstream objects go out whole, fields unknown to this code included.
        await _raw.AddAsync(marketEvent.Raw, WriteRaw, cancellationToken).ConfigureAwait(false);
        if (_full is not null)
        {
            await _full.AddAsync(marketEvent.Raw, cancellationToken).ConfigureAwait(false);
        }

        if (!kept)
        {
            return;
        }

        await _filtered!.AddAsync(marketEvent.Raw, WriteRaw, cancellationToken).ConfigureAwait(false);
        await _filteredCsv!.WriteRowAsync(_eventColumns, marketEvent, cancellationToken).ConfigureAwait(false);
        if (_markets is null)
        {
            return;
        }

        foreach (var row in rows)
        {
            await _markets.AddAsync(row, cancellationToken).ConfigureAwait(false);
            await _marketsCsv!.WriteRowAsync(_rowColumns, row, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<IReadOnlyList<string>> CommitAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_committed || _raw is null, this);

        // Every file complete and on disk before the first target is replaced. The files are
        // independent, so they are finished side by side: the full export's copy of its spooled
        // rows and each file's flush to disk overlap instead of adding up.
        cancellationToken.ThrowIfCancellationRequested();
        await Task.WhenAll(_outputs.Select(output => Task.Run(() => output.FinishAsync(cancellationToken), cancellationToken)))
            .ConfigureAwait(false);

        cancellationToken.ThrowIfCancellationRequested();

        var files = new List<string>(_outputs.Count);
        foreach (var output in _outputs)
        {
            output.Replace();
            files.Add(output.Target);
        }

        _committed = true;
        StoreLog.EventsCommitted(_logger, _raw.Count, _filtered!.Count, _markets?.Count ?? 0, _run.Source.Name);
        return files;
    }

    public async ValueTask DisposeAsync()
    {
        // After a commit this only confirms that nothing is left; before one it deletes the temps.
        foreach (var output in _outputs)
        {
            await output.DisposeAsync().ConfigureAwait(false);
        }
    }

    private T Track<T>(T output)
        where T : IPendingOutput
    {
        _outputs.Add(output);
        return output;
    }

    private static void WriteRaw(Utf8JsonWriter writer, JsonElement raw) => RawJson.Write(writer, raw);

    private void WriteSource(Utf8JsonWriter writer) => JsonEnvelopeWriter.WriteSource(writer, _run.GeneratedAt, _run.Source);

    private void WriteFilteredHeader(Utf8JsonWriter writer)
    {
        WriteSource(writer);
        writer.WritePropertyName("filters");
        JsonSerializer.Serialize(writer, _run.Filters, PrescientJson.Options.TypeInfo<TradingFilterOptions>());
    }
}
