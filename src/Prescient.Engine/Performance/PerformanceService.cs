using Microsoft.Extensions.Options;
using Prescient.Domain.History;
using Prescient.Domain.Trading;
using Prescient.Engine.Calendar;
using Prescient.Engine.Storage;
using Prescient.Engine.Trading;

namespace Prescient.Engine.Performance;

/// <summary>
/// The performance report from <c>history/portfolio_history.json</c> and the ledger alone (no
/// network), against the configured initial cash; trades count on their date in the <see cref="TradingCalendar"/> (UTC when not given).
/// </summary>
public sealed class PerformanceService(IHistoryStore history, ITradingStore trading, IOptions<TradingOptions> options, UseCaseGate gate, TradingCalendar? calendar = null)
{
    public Task<PerformanceReport> GetAsync(CancellationToken cancellationToken) => gate.RunAsync(GetUngatedAsync, cancellationToken);

    /// <summary>As <see cref="GetAsync"/>, for a use-case that already holds the gate.</summary>
    internal async Task<PerformanceReport> GetUngatedAsync(CancellationToken cancellationToken)
    {
        var days = await history.ReadPortfolioHistoryAsync(cancellationToken);

        // No end of day yet: nothing to compute, and a read must not create the ledger file.
        return Report(days, days.Count == 0 ? [] : await trading.Ledger.ReadAllAsync(cancellationToken));
    }

    /// <summary>The report of history and a ledger already read.</summary>
    internal PerformanceReport Report(IReadOnlyList<PortfolioDay> days, IReadOnlyList<Trade> ledger)
    {
        var initialCash = options.Value.InitialCash;
        return PerformanceReport.From(initialCash, PerformanceCalculator.Compute(days, ledger, initialCash, calendar), PerformanceCalculator.Calibration(ledger));
    }
}
