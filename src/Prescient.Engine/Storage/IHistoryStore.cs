using Prescient.Domain.History;
using Prescient.Domain.Signals;

namespace Prescient.Engine.Storage;

/// <summary>
/// The history folder: <c>history/portfolio_history.json</c> (append only, one snapshot per day) and
/// <c>history/signals_archive_YYYY-MM.json</c> (one append-only file per month). Appends are O(1).
/// </summary>
public interface IHistoryStore
{
    /// <summary>Every end-of-day snapshot, oldest first (empty when none yet).</summary>
    Task<IReadOnlyList<PortfolioDay>> ReadPortfolioHistoryAsync(CancellationToken cancellationToken);

    /// <summary>Appends one snapshot. The caller checks the day is not there yet.</summary>
    Task AppendPortfolioDayAsync(PortfolioDay day, CancellationToken cancellationToken);

    /// <summary>Appends <paramref name="signals"/> to the archive of <paramref name="day"/>'s month, skipping signal ids already archived there; returns how many were added.</summary>
    Task<int> ArchiveSignalsAsync(DateOnly day, IReadOnlyList<Signal> signals, CancellationToken cancellationToken);
}
