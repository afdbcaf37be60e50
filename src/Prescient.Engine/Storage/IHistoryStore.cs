using Prescient.Domain.History;
using Prescient.Domain.Signals;

namespace Prescient.Engine.Storage;

/// <summary>
/// The history folder: <c>history/portfolio_history.json</c> (append only, one snapshot per day) and
/// <c>history/signals_archive_YYYY-MM.json</c> (one append-only file per month). Appends are O(1).
/// </summary>
public interface IHistoryStore
{
    /// <summary>Every end-of-day snapshot, oldest first (empty when none yet; reading creates nothing).</summary>
    Task<IReadOnlyList<PortfolioDay>> ReadPortfolioHistoryAsync(CancellationToken cancellationToken);

    /// <summary>Appends one snapshot and returns the path written. The caller checks the day is not there yet.</summary>
    Task<string> AppendPortfolioDayAsync(PortfolioDay day, CancellationToken cancellationToken);

    /// <summary>
    /// Appends <paramref name="signals"/> to the archive of <paramref name="day"/>'s month, skipping signal
    /// ids already archived there (and repeats within <paramref name="signals"/>); returns the archive and how many were added.
    /// </summary>
    Task<SignalsArchived> ArchiveSignalsAsync(DateOnly day, IReadOnlyList<Signal> signals, CancellationToken cancellationToken);
}

/// <summary>What an archive call did: the month's archive file and the number of signals appended to it (0: nothing written).</summary>
public sealed record SignalsArchived(string Path, int Added);
