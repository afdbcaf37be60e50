using Prescient.Domain.Positions;

namespace Prescient.Engine.Positions;

/// <summary>
/// The outcome of <see cref="PortfolioRecovery.RecoverAsync"/>: ledger length, the portfolio rebuilt
/// from it (null when the ledger itself does not add up), one line per difference between it and
/// <c>portfolio.json</c> (consistent when there is none), and the rebuild this process made of a
/// <c>portfolio.json</c> that was behind the ledger, if it made one (in this call or an earlier one).
/// </summary>
public sealed record PortfolioCheckResult(int LedgerRecords, Portfolio? Rebuilt, IReadOnlyList<string> Differences, PortfolioRepair? Repair = null)
{
    public bool IsConsistent => Differences.Count == 0;
}
