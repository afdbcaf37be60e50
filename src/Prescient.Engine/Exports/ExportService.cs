using Microsoft.Extensions.Logging;
using Prescient.Domain.Markets;
using Prescient.Domain.Trading;
using Prescient.Engine.Markets;
using Prescient.Engine.Performance;
using Prescient.Engine.Positions;
using Prescient.Engine.Refresh;
using Prescient.Engine.Storage;

namespace Prescient.Engine.Exports;

/// <summary>
/// Regenerates the eight CSVs of <c>exports/</c> from the JSON state alone (no network): each export
/// whose JSON source exists is rewritten; the others are reported as skipped with the step that
/// writes them. The ledger-derived exports (trades, history, positions, performance) are always
/// written, header only while their files are empty.
/// </summary>
public sealed partial class ExportService(
    IMarketDataStore marketData,
    ITradingStore trading,
    IHistoryStore history,
    IEventParser parser,
    ICsvExporter exporter,
    PortfolioService portfolio,
    PerformanceService performance,
    UseCaseGate gate,
    ILogger<ExportService> logger)
{
    public Task<ExportAllResult> ExportAllAsync(CancellationToken cancellationToken) =>
        gate.RunAsync(ExportAllUngatedAsync, cancellationToken);

    /// <summary>As <see cref="ExportAllAsync"/>, for a use-case that already holds the gate (the cycle, the end of day).</summary>
    internal async Task<ExportAllResult> ExportAllUngatedAsync(CancellationToken cancellationToken)
    {
        var files = new List<string>();
        var skipped = new Dictionary<string, SkippedExport>(StringComparer.Ordinal);

        if (await marketData.ReadFilteredEventsAsync(cancellationToken) is { } stored)
        {
            files.Add(await exporter.ExportFilteredEventsAsync(Parse(stored), cancellationToken));
        }
        else
        {
            skipped["events_filtered"] = new SkippedExport("events/filtered_events.json", PipelineStep.Events);
        }

        if (await marketData.ReadMarketsAsync(cancellationToken) is { } markets)
        {
            files.Add(await exporter.ExportExtractedMarketsAsync(markets, cancellationToken));
        }
        else
        {
            skipped["markets_extracted"] = new SkippedExport("events/filtered_markets.json", PipelineStep.Events);
        }

        if (await marketData.ReadQuotesAsync(cancellationToken) is { } quotes)
        {
            files.Add(await exporter.ExportCurrentMarketsAsync(quotes, cancellationToken));
        }
        else
        {
            skipped["markets_current"] = new SkippedExport("markets/market_cache.json", PipelineStep.Quotes);
        }

        if (await trading.ReadSignalsAsync(cancellationToken) is { } signals)
        {
            files.Add(await exporter.ExportSignalsAsync(signals, cancellationToken));
        }
        else
        {
            skipped["signals_current"] = new SkippedExport("trades/current_signals.json", PipelineStep.Signals);
        }

        var ledger = await trading.Ledger.ReadAllAsync(cancellationToken);
        var historyFiles = await ExportHistoryUngatedAsync(ledger, cancellationToken);

        // The order of DESIGN.md's file table: trades, portfolio history, positions, performance.
        files.Add(await exporter.ExportTradesAsync(ledger, cancellationToken));
        files.Add(historyFiles[0]);
        files.Add(await exporter.ExportPositionsAsync(await portfolio.CurrentUngatedAsync(cancellationToken), cancellationToken));
        files.Add(historyFiles[1]);
        return new ExportAllResult(files, skipped);
    }

    /// <summary>
    /// Only the two CSVs no earlier step of a cycle writes: <c>portfolio_history.csv</c> and
    /// <c>performance_daily.csv</c>. A cycle's refresh, signals and execute steps have already
    /// rewritten the other six, so it calls this instead of <see cref="ExportAllAsync"/>.
    /// </summary>
    public Task<IReadOnlyList<string>> ExportHistoryAsync(CancellationToken cancellationToken) =>
        gate.RunAsync(async ct => await ExportHistoryUngatedAsync(await trading.Ledger.ReadAllAsync(ct), ct), cancellationToken);

    private async Task<IReadOnlyList<string>> ExportHistoryUngatedAsync(IReadOnlyList<Trade> ledger, CancellationToken cancellationToken)
    {
        var days = await history.ReadPortfolioHistoryAsync(cancellationToken);
        return
        [
            await exporter.ExportPortfolioHistoryAsync(days, cancellationToken),
            await exporter.ExportPerformanceAsync(performance.Report(days, ledger).Days, cancellationToken),
        ];
    }

    /// <summary>The stored upstream objects mapped back to events; one that no longer maps is left out and logged.</summary>
    private FilteredEventsSnapshot Parse(StoredFilteredEvents stored)
    {
        var events = new List<MarketEvent>(stored.Events.Count);
        foreach (var raw in stored.Events)
        {
            if (parser.Parse(raw) is { } parsed)
            {
                events.Add(parsed);
            }
        }

        if (events.Count < stored.Events.Count)
        {
            LogEventsLeftOut(logger, stored.Events.Count - events.Count, stored.Events.Count);
        }

        return new FilteredEventsSnapshot(stored.GeneratedAt, stored.Source, stored.Filters, events);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Left {Count} of {Total} stored filtered events out of events_filtered.csv: they no longer map to events")]
    private static partial void LogEventsLeftOut(ILogger logger, int count, int total);
}
