using Prescient.Engine.Performance;

namespace Prescient.Storage.Files.Exports;

/// <summary>
/// The columns of <c>performance_daily.csv</c>, one row per end of day. Money in USDC; returns,
/// drawdowns, win rate and Brier score as fractions (0.0125 = 1.25 %), empty where undefined
/// (no settlement yet, a zero base).
/// </summary>
internal static class PerformanceColumns
{
    public static IReadOnlyList<CsvColumn<PerformanceDay>> All { get; } =
    [
        new("date", d => PortfolioDayColumns.Date(d.Date)),
        new("equity", d => CsvCell.Number(d.Equity)),
        new("cash", d => CsvCell.Number(d.Cash)),
        new("positions_value", d => CsvCell.Number(d.PositionsValue)),
        new("daily_return", d => CsvCell.Number(d.DailyReturn)),
        new("cumulative_return", d => CsvCell.Number(d.CumulativeReturn)),
        new("realized_pnl", d => CsvCell.Number(d.RealizedPnl)),
        new("unrealized_pnl", d => CsvCell.Number(d.UnrealizedPnl)),
        new("drawdown", d => CsvCell.Number(d.Drawdown)),
        new("max_drawdown", d => CsvCell.Number(d.MaxDrawdown)),
        new("trades", d => CsvCell.Number(d.Trades)),
        new("open_positions", d => CsvCell.Number(d.OpenPositions)),
        new("settled_positions", d => CsvCell.Number(d.SettledPositions)),
        new("win_rate", d => CsvCell.Number(d.WinRate)),
        new("brier_score", d => CsvCell.Number(d.BrierScore)),
    ];
}
