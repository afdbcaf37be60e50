using Prescient.Engine.Performance;

namespace Prescient.Engine.Backtest;

/// <summary>
/// The statistics of one backtest. Ratios are fractions (0.0125 = 1.25 %) rounded to 6 places; money in
/// USDC; null where undefined (no settlement, no loss, a single day…). Sharpe and Sortino are
/// annualised over 365 days (prediction markets trade every day), risk-free rate 0.
/// </summary>
public sealed record BacktestSummary
{
    public required decimal InitialCash { get; init; }

    public required decimal FinalEquity { get; init; }

    public required decimal TotalReturn { get; init; }

    /// <summary>(final / initial)^(365 / days) − 1.</summary>
    public decimal? Cagr { get; init; }

    /// <summary>The deepest fall of daily equity below its running peak (≤ 0).</summary>
    public required decimal MaxDrawdown { get; init; }

    /// <summary>The longest run of days spent below a previous peak (to recovery, or to the end).</summary>
    public required int MaxDrawdownDays { get; init; }

    public decimal? Sharpe { get; init; }

    public decimal? Sortino { get; init; }

    /// <summary>Closed positions (sold out or settled; a partial exit and the settlement of the rest are one) with realized P&amp;L &gt; 0 / closed positions.</summary>
    public decimal? WinRate { get; init; }

    /// <summary>Σ winning P&amp;L / |Σ losing P&amp;L| over closed positions.</summary>
    public decimal? ProfitFactor { get; init; }

    /// <summary>Mean realized P&amp;L per closed position (USDC).</summary>
    public decimal? Expectancy { get; init; }

    /// <summary>Mean over days of exposure (cost basis held) / equity.</summary>
    public required decimal Exposure { get; init; }

    /// <summary>Σ buy and sell value / mean daily equity.</summary>
    public required decimal Turnover { get; init; }

    public required decimal FeesPaid { get; init; }

    /// <summary>Σ slippage × shares over the fills: what walking past the best price cost (USDC).</summary>
    public required decimal SlippagePaid { get; init; }

    /// <summary>Mean (p − o)² over settled entries, p the entry price, o the payout.</summary>
    public decimal? BrierScore { get; init; }

    /// <summary>Mean −(o ln p + (1 − o) ln(1 − p)) over settled entries, p clipped to [0.000001, 0.999999].</summary>
    public decimal? LogLoss { get; init; }

    public required int Days { get; init; }

    public required int Buys { get; init; }

    /// <summary>Sell records: exits (a partial exit and the later sell of its rest are two).</summary>
    public int Sells { get; init; }

    /// <summary>The sells by the exit rule that made them: <c>sell_take_profit</c>, <c>sell_stop_loss</c>, <c>sell_before_end</c> (absent: none).</summary>
    public IReadOnlyDictionary<string, int> Exits { get; init; } = new Dictionary<string, int>();

    public required int Settlements { get; init; }

    public required int ClosedPositions { get; init; }

    public required int OpenPositions { get; init; }

    public required IReadOnlyList<CalibrationBucket> Calibration { get; init; }

    public required IReadOnlyList<PnlGroup> ByCategory { get; init; }

    public required IReadOnlyList<PnlGroup> ByMonth { get; init; }
}

/// <summary>Realized P&amp;L (USDC) of the positions closed in one group (a category, a month), and how many.</summary>
public sealed record PnlGroup(string Key, int Closed, int Wins, decimal RealizedPnl);
