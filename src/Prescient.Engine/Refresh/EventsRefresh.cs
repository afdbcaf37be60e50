using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Prescient.Engine.Extraction;
using Prescient.Engine.Filters;
using Prescient.Engine.Markets;
using Prescient.Engine.Storage;

namespace Prescient.Engine.Refresh;

/// <summary>
/// Phase 0: discover every open event, apply the trading filters, extract one row per market, and
/// write the events files and their CSVs. Pages stream from the source into the writer, so memory
/// holds one page, not the universe; nothing replaces the previous files until the whole discovery
/// has succeeded.
/// </summary>
public sealed partial class EventsRefresh(
    IMarketSource source,
    IMarketDataStore store,
    IOptions<TradingFilterOptions> filterOptions,
    TimeProvider time,
    ILogger<EventsRefresh> logger)
{
    public async Task<EventsStageResult> RunAsync(EventsStage stage, IProgress<RefreshProgress>? progress, CancellationToken cancellationToken)
    {
        await using var pending = await DiscoverAsync(stage, progress, null, cancellationToken);
        progress?.Report(new RefreshProgress("write", 0, null));
        return await pending.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Discovers, filters, extracts and writes the run's files beside their targets, without
    /// replacing anything: the caller commits (or disposes) the result. Each event's quotable rows
    /// are handed to <paramref name="quotableFound"/> as soon as they are extracted.
    /// </summary>
    internal async Task<PendingEvents> DiscoverAsync(
        EventsStage stage,
        IProgress<RefreshProgress>? progress,
        Action<IReadOnlyList<MarketRow>>? quotableFound,
        CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var now = time.GetUtcNow();
        var filter = new TradingFilter(filterOptions.Value);
        var discoveryProgress = progress is null
            ? null
            : new ForwardingProgress<DiscoveryProgress>(p => progress.Report(new RefreshProgress("discover", p.Events, null)));

        var quotable = new List<MarketRow>();
        var extracted = 0;
        var dropped = new Dictionary<FilterReason, int>();
        var discovered = 0;
        var kept = 0;
        // The first page is asked for before the run's files are opened, so the source is at work on it
        // meanwhile; a run whose files cannot be opened cancels it.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var pages = source.DiscoverOpenEventsAsync(discoveryProgress, stop.Token).GetAsyncEnumerator(stop.Token);
        var more = pages.MoveNextAsync();
        IEventsWriter writer;
        try
        {
            writer = await store.BeginEventsAsync(new EventsRun(now, source.Info, filter.Options, stage), cancellationToken);
        }
        catch
        {
            await stop.CancelAsync();
            await RefreshService.Settled(more.AsTask());
            await pages.DisposeAsync();
            throw;
        }

        try
        {
            try
            {
                while (await more)
                {
                    foreach (var marketEvent in pages.Current)
                    {
                        discovered++;
                        var reason = filter.Evaluate(marketEvent, now);
                        IReadOnlyList<MarketRow> eventRows = [];
                        if (reason == FilterReason.Kept)
                        {
                            kept++;
                            eventRows = stage >= EventsStage.Extract ? MarketExtractor.Extract([marketEvent]) : [];
                            extracted += eventRows.Count;
                            var eventQuotable = eventRows.Where(r => r.IsQuotable).ToArray();
                            quotable.AddRange(eventQuotable);
                            if (eventQuotable.Length > 0)
                            {
                                quotableFound?.Invoke(eventQuotable);
                            }
                        }
                        else
                        {
                            dropped[reason] = dropped.GetValueOrDefault(reason) + 1;
                        }

                        await writer.AddAsync(marketEvent, reason == FilterReason.Kept, eventRows, cancellationToken);
                    }

                    more = pages.MoveNextAsync();
                }
            }
            finally
            {
                await pages.DisposeAsync();
            }
        }
        catch
        {
            await writer.DisposeAsync();
            throw;
        }

        return new PendingEvents(writer, files =>
        {
            LogFiltered(logger, discovered, kept, source.Info.Name);
            return new EventsStageResult(
                now, source.Info, discovered, kept, dropped, extracted, quotable.Count, files, time.GetElapsedTime(started));
        });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Filtered {Discovered} discovered events to {Kept} from {Source}")]
    private static partial void LogFiltered(ILogger logger, int discovered, int kept, string source);
}
