using Prescient.Domain.Trading;
using Prescient.Engine.Backtest;

namespace Prescient.Engine.Sweeps;

/// <summary>
/// The figures a sweep keeps of one backtest, as <see cref="BacktestStatistics"/> computes them: ratios as
/// fractions rounded to 6 places, money in USDC, null where undefined. <see cref="Trades"/> counts buys and sells.
/// </summary>
public sealed record SweepFigures(
    decimal FinalEquity,
    decimal TotalReturn,
    decimal? Cagr,
    decimal MaxDrawdown,
    decimal? Sharpe,
    decimal? Sortino,
    decimal? WinRate,
    decimal? ProfitFactor,
    int Trades,
    decimal FeesPaid)
{
    public static SweepFigures Of(BacktestResult result, BacktestSummary summary)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(summary);
        return new SweepFigures(
            summary.FinalEquity,
            summary.TotalReturn,
            summary.Cagr,
            summary.MaxDrawdown,
            summary.Sharpe,
            summary.Sortino,
            summary.WinRate,
            summary.ProfitFactor,
            result.Trades.Count(t => t.Trade.Kind != TradeKind.Settlement),
            summary.FeesPaid);
    }
}
