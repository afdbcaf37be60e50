using Prescient.Domain.Markets;
using Prescient.Engine.Extraction;
using Prescient.Engine.Filters;
using Prescient.Engine.Markets;
using Prescient.Engine.Refresh;

namespace Prescient.Engine.Storage;

/// <summary>One events run: when it was generated, from where, with which filters, and how far it goes.</summary>
public sealed record EventsRun(DateTimeOffset GeneratedAt, MarketSourceInfo Source, TradingFilterOptions Filters, EventsStage Stage);

/// <summary>
/// Streams one events run to disk. Disposing without <see cref="CommitAsync"/> discards everything
/// written so far and leaves the previous files as they were.
/// </summary>
public interface IEventsWriter : IAsyncDisposable
{
    /// <summary>
    /// Writes one discovered event: into <c>raw_events_backup.json</c> (and the full events export
    /// when the stage is <see cref="EventsStage.All"/>); when <paramref name="kept"/>, into
    /// <c>filtered_events.json</c> and <c>events_filtered.csv</c>, and its <paramref name="rows"/>
    /// (given when the stage is at least <see cref="EventsStage.Extract"/>) into
    /// <c>filtered_markets.json</c> and <c>markets_extracted.csv</c>.
    /// </summary>
    Task AddAsync(MarketEvent marketEvent, bool kept, IReadOnlyList<MarketRow> rows, CancellationToken cancellationToken);

    /// <summary>Finishes every file and replaces the previous ones; returns the paths written.</summary>
    Task<IReadOnlyList<string>> CommitAsync(CancellationToken cancellationToken);
}
