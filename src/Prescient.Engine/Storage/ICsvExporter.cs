using Prescient.Domain.History;
using Prescient.Domain.Trading;
using Prescient.Engine.Performance;

namespace Prescient.Engine.Storage;

/// <summary>
/// Writes the CSV exports in <c>exports/</c> (RFC 4180, UTF-8, invariant culture, formula-like text
/// neutralised). Each method returns the path written.
/// </summary>
public interface ICsvExporter
{
    /// <summary><c>events_filtered.csv</c>: key fields of the kept events.</summary>
    Task<string> ExportFilteredEventsAsync(FilteredEventsSnapshot snapshot, CancellationToken cancellationToken);

    /// <summary><c>markets_extracted.csv</c>: one row per extracted market.</summary>
    Task<string> ExportExtractedMarketsAsync(MarketsSnapshot snapshot, CancellationToken cancellationToken);

    /// <summary><c>markets_current.csv</c>: one row per quoted token.</summary>
    Task<string> ExportCurrentMarketsAsync(QuotesSnapshot snapshot, CancellationToken cancellationToken);

    /// <summary>
    /// <c>events_full_YYYYMMDD_HHMMSS.csv</c> (time = <see cref="EventsSnapshot.GeneratedAt"/>):
    /// every upstream field, nested objects as dotted columns, arrays as JSON text, columns the union
    /// of keys over all events.
    /// </summary>
    Task<string> ExportFullEventsAsync(EventsSnapshot snapshot, CancellationToken cancellationToken);

    /// <summary><c>signals_current.csv</c>: one row per signal of the snapshot.</summary>
    Task<string> ExportSignalsAsync(SignalsSnapshot snapshot, CancellationToken cancellationToken);

    /// <summary><c>trades_summary.csv</c>: one row per ledger record, in ledger order.</summary>
    Task<string> ExportTradesAsync(IReadOnlyList<Trade> trades, CancellationToken cancellationToken);

    /// <summary><c>positions_current.csv</c>: one row per open position of the snapshot, with its mark.</summary>
    Task<string> ExportPositionsAsync(PortfolioSnapshot snapshot, CancellationToken cancellationToken);

    /// <summary><c>portfolio_history.csv</c>: one row per end-of-day snapshot, oldest first.</summary>
    Task<string> ExportPortfolioHistoryAsync(IReadOnlyList<PortfolioDay> history, CancellationToken cancellationToken);

    /// <summary><c>performance_daily.csv</c>: one row per end-of-day snapshot with its returns, drawdown, win rate and Brier score.</summary>
    Task<string> ExportPerformanceAsync(IReadOnlyList<PerformanceDay> days, CancellationToken cancellationToken);
}
