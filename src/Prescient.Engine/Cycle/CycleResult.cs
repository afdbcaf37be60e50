using Prescient.Domain.Trading;
using Prescient.Engine.Markets;

namespace Prescient.Engine.Cycle;

/// <summary>
/// What one full cycle did, step by step, and the portfolio it left. Counts are of this run;
/// money in USDC; <see cref="Files"/> lists every file written (JSON and CSV), each once.
/// </summary>
public sealed record CycleResult
{
    public required DateTimeOffset StartedAt { get; init; }

    public required DateTimeOffset FinishedAt { get; init; }

    public required MarketSourceInfo Source { get; init; }

    public required int EventsDiscovered { get; init; }

    public required int EventsKept { get; init; }

    /// <summary>Markets extracted from the kept events.</summary>
    public required int Markets { get; init; }

    /// <summary>Tokens whose order book was asked for.</summary>
    public required int TokensQuoted { get; init; }

    public required int TokensWithBook { get; init; }

    public required int Signals { get; init; }

    /// <summary>Buys filled on paper this run (a signal already in the ledger is never filled again).</summary>
    public required int Trades { get; init; }

    /// <summary>Held positions sold by the exit rules this run (0 while every rule is off).</summary>
    public int Exits { get; init; }

    /// <summary>Held markets that resolved and paid out this run.</summary>
    public required int Settlements { get; init; }

    /// <summary>Held markets closed upstream but not resolved yet, or not looked up.</summary>
    public required int PendingSettlements { get; init; }

    /// <summary>Held markets whose lookup failed or was unusable this run (counted in <see cref="PendingSettlements"/> too).</summary>
    public int LookupFailures { get; init; }

    public required IReadOnlyDictionary<RejectionReason, int> RejectionsByReason { get; init; }

    public required decimal Cash { get; init; }

    public required decimal PositionsValue { get; init; }

    public required decimal Equity { get; init; }

    public required decimal RealizedPnl { get; init; }

    public required decimal UnrealizedPnl { get; init; }

    public required int OpenPositions { get; init; }

    public required IReadOnlyList<string> Files { get; init; }

    public required TimeSpan Duration { get; init; }

    public int Rejections => RejectionsByReason.Values.Sum();

    /// <summary>The one line the run log keeps for this cycle.</summary>
    public string Summary => CycleSummary.Describe(this);
}
