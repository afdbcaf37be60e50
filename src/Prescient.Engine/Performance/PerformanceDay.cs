namespace Prescient.Engine.Performance;

/// <summary>
/// One row of <c>performance_daily.csv</c> (and <c>GET /trading/performance</c>): an end-of-day
/// snapshot with the statistics up to and including that date. Money in USDC; ratios are
/// fractions (0.0125 = 1.25 %) rounded to 6 places.
/// </summary>
public sealed record PerformanceDay
{
    public required DateOnly Date { get; init; }

    public required decimal Equity { get; init; }

    public required decimal Cash { get; init; }

    public required decimal PositionsValue { get; init; }

    /// <summary>Equity / the previous day's equity − 1 (the first day: against the initial cash); null when that base is 0.</summary>
    public decimal? DailyReturn { get; init; }

    /// <summary>Equity / initial cash − 1; null when the initial cash is 0.</summary>
    public decimal? CumulativeReturn { get; init; }

    public required decimal RealizedPnl { get; init; }

    public required decimal UnrealizedPnl { get; init; }

    /// <summary>Equity / the highest equity so far (starting at the initial cash) − 1: 0 at a new high, negative below it.</summary>
    public required decimal Drawdown { get; init; }

    /// <summary>The deepest <see cref="Drawdown"/> so far (≤ 0).</summary>
    public required decimal MaxDrawdown { get; init; }

    /// <summary>Ledger records (buys, sells, settlements) executed on this date (in the schedule's time zone, UTC by default).</summary>
    public required int Trades { get; init; }

    public required int OpenPositions { get; init; }

    /// <summary>Settlements up to and including this date.</summary>
    public required int SettledPositions { get; init; }

    /// <summary>Settlements with realized P&amp;L &gt; 0 / settlements, so far; null before the first settlement.</summary>
    public decimal? WinRate { get; init; }

    /// <summary>
    /// Mean over the settled positions so far of (p − o)², p the average price paid for the held
    /// outcome (the market's implied probability at entry), o its payout per share (1, 0 or 0.5);
    /// 0 is perfect, 0.25 is a coin toss. Null before the first settlement.
    /// </summary>
    public decimal? BrierScore { get; init; }
}
