using Microsoft.Extensions.Options;
using Prescient.Domain.Positions;
using Prescient.Domain.Trading;
using Prescient.Domain.Values;
using Prescient.Engine.Markets;
using Prescient.Engine.Storage;
using Prescient.Engine.Trading;

namespace Prescient.Engine.Positions;

/// <summary>
/// Reads of the trading state (the portfolio, the ledger) and its CSV exports. The check that
/// rebuilds the portfolio from the ledger is <see cref="PortfolioRecovery"/>.
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

    /// <summary>The last <paramref name="count"/> ledger records (at least 1) and the ledger's record count, without reading more of it than the store must.</summary>
    public Task<LedgerTail> LastTradesAsync(int count, CancellationToken cancellationToken) =>
        gate.RunAsync(ct => store.Ledger.ReadLastAsync(count, ct), cancellationToken);

    /// <summary>Regenerates <c>trades_summary.csv</c> from the ledger.</summary>
    public Task<string> ExportTradesCsvAsync(CancellationToken cancellationToken) =>
        gate.RunAsync(async ct => await exporter.ExportTradesAsync(await store.Ledger.ReadAllAsync(ct), ct), cancellationToken);

    /// <summary>Regenerates <c>positions_current.csv</c> from the stored portfolio (or the ledger's when none is stored).</summary>
    public Task<string> ExportPositionsCsvAsync(CancellationToken cancellationToken) =>
        gate.RunAsync(async ct => await exporter.ExportPositionsAsync(await CurrentUngatedAsync(ct), ct), cancellationToken);

    private async Task<Portfolio> ReplayAsync(CancellationToken cancellationToken) =>
        Portfolio.Replay(Usdc.Create(options.Value.InitialCash), await store.Ledger.ReadAllAsync(cancellationToken));
}
