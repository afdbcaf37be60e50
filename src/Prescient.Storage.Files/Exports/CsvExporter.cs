using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Prescient.Engine.Storage;

namespace Prescient.Storage.Files.Exports;

/// <summary>
/// The CSV exports of the events and markets stages, written to <c>exports/</c> through
/// <see cref="CsvTable"/> (RFC 4180, UTF-8 with BOM, CRLF, invariant culture, formula-like text
/// neutralised, atomic replace).
/// </summary>
public sealed partial class CsvExporter : ICsvExporter
{
    private readonly DataFolder _folder;
    private readonly ILogger<CsvExporter> _logger;

    public CsvExporter(DataFolder folder, ILogger<CsvExporter>? logger = null)
    {
        _folder = folder ?? throw new ArgumentNullException(nameof(folder));
        _logger = logger ?? NullLogger<CsvExporter>.Instance;
    }

    public async Task<string> ExportFilteredEventsAsync(FilteredEventsSnapshot snapshot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var path = _folder.Export("events_filtered");
        await CsvTable.WriteAsync(path, EventColumns.For(snapshot.Source), snapshot.Events, cancellationToken).ConfigureAwait(false);
        LogExported(snapshot.Events.Count, path);
        return path;
    }

    public async Task<string> ExportExtractedMarketsAsync(MarketsSnapshot snapshot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var path = _folder.Export("markets_extracted");
        await CsvTable.WriteAsync(path, MarketRowColumns.For(snapshot.Source), snapshot.Markets, cancellationToken).ConfigureAwait(false);
        LogExported(snapshot.Markets.Count, path);
        return path;
    }

    public async Task<string> ExportCurrentMarketsAsync(QuotesSnapshot snapshot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var path = _folder.Export("markets_current");
        await CsvTable.WriteAsync(path, QuoteColumns.For(snapshot.Source), snapshot.Quotes, cancellationToken).ConfigureAwait(false);
        LogExported(snapshot.Quotes.Count, path);
        return path;
    }

    public async Task<string> ExportFullEventsAsync(EventsSnapshot snapshot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var export = FullEventsExport.Begin(_folder, snapshot.GeneratedAt, snapshot.Source);
        await using (export.ConfigureAwait(false))
        {
            foreach (var marketEvent in snapshot.Events)
            {
                await export.AddAsync(marketEvent.Raw, cancellationToken).ConfigureAwait(false);
            }

            await export.FinishAsync(cancellationToken).ConfigureAwait(false);
            export.Replace();
        }

        LogExported(snapshot.Events.Count, export.Target);
        return export.Target;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Exported {Count} rows to {Path}")]
    private partial void LogExported(int count, string path);
}
