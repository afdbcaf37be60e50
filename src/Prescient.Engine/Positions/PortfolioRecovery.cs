using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Prescient.Domain.Ids;
using Prescient.Domain.Positions;
using Prescient.Domain.Values;
using Prescient.Engine.Markets;
using Prescient.Engine.Storage;
using Prescient.Engine.Trading;

namespace Prescient.Engine.Positions;

/// <summary>
/// Rebuilds the portfolio from <c>paper_trades.json</c> alone (no network) and compares it with
/// <c>portfolio.json</c>. A file that equals the replay of a prefix of the ledger (the one its
/// <c>trade_count</c> names; a missing file is the empty prefix) is only behind, as a run killed
/// between an append and the rewrite leaves it: it is rebuilt from the whole ledger, keeping the
/// stored marks of positions still held (others are marked at entry, flagged), and the repair is
/// logged. Anything else (ahead of the ledger, a changed figure) is reported, never overwritten.
/// </summary>
public sealed partial class PortfolioRecovery(
    ITradingStore store,
    IOptions<TradingOptions> options,
    MarketSourceInfo source,
    UseCaseGate gate,
    TimeProvider time,
    ILogger<PortfolioRecovery> logger)
{
    /// <summary>The last rebuild made in this process; read and written under the gate.</summary>
    private PortfolioRepair? _repaired;

    public Task<PortfolioCheckResult> RecoverAsync(CancellationToken cancellationToken) =>
        gate.RunAsync(RecoverUngatedAsync, cancellationToken);

    /// <summary>
    /// The start-up check: null, with nothing replayed, when the store vouches that the portfolio is
    /// the one last written over the ledger as it stands (<see cref="ITradingStore.IsPortfolioCurrentAsync"/>);
    /// otherwise <see cref="RecoverAsync"/>. <c>prescient check</c> always replays.
    /// </summary>
    public Task<PortfolioCheckResult?> RecoverUnlessCurrentAsync(CancellationToken cancellationToken) =>
        gate.RunAsync<PortfolioCheckResult?>(
            async ct => await store.IsPortfolioCurrentAsync(ct) ? null : await RecoverUngatedAsync(ct),
            cancellationToken);

    /// <summary>As <see cref="RecoverAsync"/>, for a use-case that already holds the gate.</summary>
    internal async Task<PortfolioCheckResult> RecoverUngatedAsync(CancellationToken cancellationToken)
    {
        var ledger = await store.Ledger.ReadAllAsync(cancellationToken);
        var stored = await store.ReadPortfolioAsync(cancellationToken);
        var applied = stored?.TradeCount ?? 0;
        var portfolio = new Portfolio(Usdc.Create(options.Value.InitialCash));
        var behind = false;
        try
        {
            for (var i = 0; i < ledger.Count; i++)
            {
                if (i == applied)
                {
                    behind = stored is null || PortfolioCheck.Compare(stored, portfolio).Count == 0;
                }

                portfolio.Apply(ledger[i]);
            }
        }
        catch (LedgerInconsistencyException e)
        {
            return new PortfolioCheckResult(ledger.Count, null, [e.Message], _repaired);
        }

        if (!behind)
        {
            IReadOnlyList<string> differences = stored is null ? [] : PortfolioCheck.Compare(stored, portfolio);
            return new PortfolioCheckResult(ledger.Count, portfolio, differences, _repaired);
        }

        var repair = new PortfolioRepair(applied, ledger.Count, ledger[applied].TradeId, ledger[^1].TradeId, stored is null);
        await store.WritePortfolioAsync(Value(portfolio, stored), cancellationToken);
        if (repair.WasMissing)
        {
            LogRebuiltMissing(logger, repair.LedgerRecords, repair.FirstMissing.Value, repair.LastMissing.Value);
        }
        else
        {
            LogRebuilt(logger, repair.RecordsBehind, applied, repair.LedgerRecords, repair.FirstMissing.Value, repair.LastMissing.Value);
        }

        _repaired = repair;
        return new PortfolioCheckResult(ledger.Count, portfolio, [], repair);
    }

    /// <summary>
    /// The whole ledger's portfolio at the stored marks (and lookup problems) of the positions still
    /// held; new ones fall back to their entry price, flagged.
    /// </summary>
    private PortfolioSnapshot Value(Portfolio portfolio, PortfolioSnapshot? stored)
    {
        var marks = new Dictionary<TokenId, Mark>();
        var problems = new Dictionary<MarketId, string>();
        foreach (var held in stored?.Positions ?? [])
        {
            if (portfolio.PositionIn(held.MarketId)?.TokenId == held.TokenId)
            {
                marks[held.TokenId] = new Mark(held.Mark, held.MarkSource, held.MarkedAt);
                if (held.LookupProblem is { } problem)
                {
                    problems[held.MarketId] = problem;
                }
            }
        }

        return PortfolioValuation.Value(portfolio, marks, time.GetUtcNow(), stored?.Source ?? source, problems);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "trades/portfolio.json was {Behind} records behind the ledger ({Applied} of {Records} applied; {First} to {Last} missing), as an interrupted run leaves it; rebuilt from the ledger")]
    private static partial void LogRebuilt(ILogger logger, int behind, int applied, int records, string first, string last);

    [LoggerMessage(Level = LogLevel.Warning, Message = "trades/portfolio.json was missing, {Records} records behind the ledger ({First} to {Last}), as an interrupted run leaves it; rebuilt from the ledger")]
    private static partial void LogRebuiltMissing(ILogger logger, int records, string first, string last);
}
