using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Prescient.Engine.Extraction;
using Prescient.Engine.Filters;
using Prescient.Engine.Markets;
using Prescient.Engine.Storage;

namespace Prescient.Engine.Refresh;

/// <summary>
/// Phase 0: discover every open event, apply the trading filters, extract one row per market, and
/// write the events files and their CSVs. Nothing is written until discovery has succeeded, so a
/// failed fetch leaves the previous files intact.
/// </summary>
public sealed partial class EventsRefresh(
    IMarketSource source,
    IMarketDataStore store,
    ICsvExporter exporter,
    IOptions<TradingFilterOptions> filterOptions,
    TimeProvider time,
    ILogger<EventsRefresh> logger)
{
    public async Task<EventsStageResult> RunAsync(
        EventsStage stage,
        IProgress<RefreshProgress>? progress,
        CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var discoveryProgress = progress is null
            ? null
            : new Progress<DiscoveryProgress>(p => progress.Report(new RefreshProgress("discover", p.Events, null)));
        var events = await source.DiscoverOpenEventsAsync(discoveryProgress, cancellationToken);
        var now = time.GetUtcNow();

        var filter = new TradingFilter(filterOptions.Value);
        var decisions = events.Select(e => (Event: e, Reason: filter.Evaluate(e, now))).ToArray();
        var kept = decisions.Where(d => d.Reason == FilterReason.Kept).Select(d => d.Event).ToArray();
        var dropped = decisions
            .Where(d => d.Reason != FilterReason.Kept)
            .GroupBy(d => d.Reason)
            .ToDictionary(g => g.Key, g => g.Count());
        LogFiltered(logger, events.Count, kept.Length, source.Info.Name);

        var raw = new EventsSnapshot(now, source.Info, events);
        var filtered = new FilteredEventsSnapshot(now, source.Info, filter.Options, kept);
        var files = new List<string>();
        progress?.Report(new RefreshProgress("write", 0, null));
        await store.WriteRawEventsAsync(raw, cancellationToken);
        await store.WriteFilteredEventsAsync(filtered, cancellationToken);
        files.Add(await exporter.ExportFilteredEventsAsync(filtered, cancellationToken));

        IReadOnlyList<MarketRow> rows = [];
        if (stage >= EventsStage.Extract)
        {
            rows = MarketExtractor.Extract(kept);
            var markets = new MarketsSnapshot(now, source.Info, rows);
            await store.WriteMarketsAsync(markets, cancellationToken);
            files.Add(await exporter.ExportExtractedMarketsAsync(markets, cancellationToken));
        }

        if (stage >= EventsStage.All)
        {
            files.Add(await exporter.ExportFullEventsAsync(raw, cancellationToken));
        }

        return new EventsStageResult(
            now,
            source.Info,
            events.Count,
            kept.Length,
            dropped,
            rows.Count,
            rows.Count(r => r.IsQuotable),
            files,
            time.GetElapsedTime(started));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Filtered {Discovered} discovered events to {Kept} from {Source}")]
    private static partial void LogFiltered(ILogger logger, int discovered, int kept, string source);
}
