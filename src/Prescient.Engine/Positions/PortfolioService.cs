using Microsoft.Extensions.Options;
using Prescient.Domain.Positions;
using Prescient.Domain.Trading;
using Prescient.Engine.Markets;
using Prescient.Engine.Storage;
using Prescient.Engine.Trading;

namespace Prescient.Engine.Positions;

/// <summary>
/// Reads of the trading state (the portfolio, the ledger), its CSV exports, and the check that
/// rebuilds the portfolio from the ledger alone (no network) and reports every difference.
/// </summary>
public sealed class PortfolioService(
    ITradingStore store,
    ICsvExporter exporter,
    IOptions<TradingOptions> options,
    MarketSourceInfo source,
    UseCaseGate gate,
    TimeProvider time)
{
    /// <summary>The stored portfolio, or (before the first execute) the one the ledger gives, marked at entry.</summary>
    public Task<PortfolioSnapshot> CurrentAsync(CancellationToken cancellationToken) =>
        gate.RunAsync(CurrentUngatedAsync, cancellationToken);

    /// <summary>As <see cref="CurrentAsync"/>, for a use-case that already holds the gate.</summary>
    internal async Task<PortfolioSnapshot> CurrentUngatedAsync(CancellationToken cancellationToken) =>
        await store.ReadPortfolioAsync(cancellationToken)
        ?? PortfolioValuation.Value(await ReplayAsync(cancellationToken), new Dictionary<Domain.Ids.TokenId, Mark>(), time.GetUtcNow(), source);

    /// <summary>Every ledger record, oldest first.</summary>
    public Task<IReadOnlyList<Trade>> TradesAsync(CancellationToken cancellationToken) =>
        gate.RunAsync(store.Ledger.ReadAllAsync, cancellationToken);

    /// <summary>Rebuilds the portfolio from <c>paper_trades.json</c> and compares it with <c>portfolio.json</c>.</summary>
    public Task<PortfolioCheckResult> CheckAsync(CancellationToken cancellationToken) =>
        gate.RunAsync(
            async ct =>
            {
                var ledger = await store.Ledger.ReadAllAsync(ct);
                Portfolio rebuilt;
                try
                {
                    rebuilt = Portfolio.Replay(options.Value.InitialCash, ledger);
                }
                catch (LedgerInconsistencyException e)
                {
                    return new PortfolioCheckResult(ledger.Count, null, [e.Message]);
                }

                var stored = await store.ReadPortfolioAsync(ct);
                IReadOnlyList<string> differences = stored is not null
                    ? PortfolioCheck.Compare(stored, rebuilt)
                    : ledger.Count == 0 ? [] : [$"trades/portfolio.json is missing but the ledger has {ledger.Count} records."];
                return new PortfolioCheckResult(ledger.Count, rebuilt, differences);
            },
            cancellationToken);

    /// <summary>Regenerates <c>trades_summary.csv</c> from the ledger.</summary>
    public Task<string> ExportTradesCsvAsync(CancellationToken cancellationToken) =>
        gate.RunAsync(async ct => await exporter.ExportTradesAsync(await store.Ledger.ReadAllAsync(ct), ct), cancellationToken);

    /// <summary>Regenerates <c>positions_current.csv</c> from the stored portfolio (or the ledger's when none is stored).</summary>
    public Task<string> ExportPositionsCsvAsync(CancellationToken cancellationToken) =>
        gate.RunAsync(async ct => await exporter.ExportPositionsAsync(await CurrentUngatedAsync(ct), ct), cancellationToken);

    private async Task<Portfolio> ReplayAsync(CancellationToken cancellationToken) =>
        Portfolio.Replay(options.Value.InitialCash, await store.Ledger.ReadAllAsync(cancellationToken));
}

/// <summary>
/// The outcome of <see cref="PortfolioService.CheckAsync"/>: ledger length, the rebuilt portfolio (null
/// when the ledger itself does not add up), and one line per difference; consistent when there is none.
/// </summary>
public sealed record PortfolioCheckResult(int LedgerRecords, Portfolio? Rebuilt, IReadOnlyList<string> Differences)
{
    public bool IsConsistent => Differences.Count == 0;
}
