using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Prescient.Domain.History;
using Prescient.Domain.Trading;
using Prescient.Engine.Performance;
using Prescient.Engine.Storage;

namespace Prescient.Storage.Files.Exports;

/// <summary>
/// The CSV exports of every stage, written to <c>exports/</c> through
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

    public Task<string> ExportFilteredEventsAsync(FilteredEventsSnapshot snapshot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return ExportAsync("events_filtered", EventColumns.For(snapshot.Source), snapshot.Events, cancellationToken);
    }

    public Task<string> ExportExtractedMarketsAsync(MarketsSnapshot snapshot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return ExportAsync("markets_extracted", MarketRowColumns.For(snapshot.Source), snapshot.Markets, cancellationToken);
    }

    public Task<string> ExportCurrentMarketsAsync(QuotesSnapshot snapshot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return ExportAsync("markets_current", QuoteColumns.For(snapshot.Source), snapshot.Quotes, cancellationToken);
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

    public Task<string> ExportSignalsAsync(SignalsSnapshot snapshot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return ExportAsync("signals_current", SignalColumns.For(snapshot.Source), snapshot.Signals, cancellationToken);
    }

    public Task<string> ExportTradesAsync(IReadOnlyList<Trade> trades, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(trades);
        return ExportAsync("trades_summary", TradeColumns.All, trades, cancellationToken);
    }

    public Task<string> ExportPositionsAsync(PortfolioSnapshot snapshot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return ExportAsync("positions_current", PositionColumns.For(snapshot.Source), snapshot.Positions, cancellationToken);
    }

    public Task<string> ExportPortfolioHistoryAsync(IReadOnlyList<PortfolioDay> history, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(history);
        return ExportAsync("portfolio_history", PortfolioDayColumns.All, history, cancellationToken);
    }

    public Task<string> ExportPerformanceAsync(IReadOnlyList<PerformanceDay> days, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(days);
        return ExportAsync("performance_daily", PerformanceColumns.All, days, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Exported {Count} rows to {Path}")]
    private partial void LogExported(int count, string path);

    private async Task<string> ExportAsync<T>(string name, IReadOnlyList<CsvColumn<T>> columns, IReadOnlyList<T> rows, CancellationToken cancellationToken)
    {
        var path = _folder.Export(name);
        await CsvTable.WriteAsync(path, columns, rows, cancellationToken).ConfigureAwait(false);
        LogExported(rows.Count, path);
        return path;
    }
}
