using System.Globalization;
using Prescient.Domain.History;

namespace Prescient.Storage.Files.Exports;

/// <summary>
/// The columns of <c>portfolio_history.csv</c>, one row per end-of-day snapshot, oldest first. Money
/// in USDC; <c>source</c> as recorded ("sample" or "live").
/// </summary>
internal static class PortfolioDayColumns
{
    public static IReadOnlyList<CsvColumn<PortfolioDay>> All { get; } =
    [
        new("date", d => Date(d.Date)),
        new("recorded_at", d => CsvCell.Timestamp(d.RecordedAt)),
        new("cash", d => CsvCell.Number(d.Cash)),
        new("positions_value", d => CsvCell.Number(d.PositionsValue)),
        new("equity", d => CsvCell.Number(d.Equity)),
        new("realized_pnl", d => CsvCell.Number(d.RealizedPnl)),
        new("unrealized_pnl", d => CsvCell.Number(d.UnrealizedPnl)),
        new("exposure", d => CsvCell.Number(d.Exposure)),
        new("fees_paid", d => CsvCell.Number(d.FeesPaid)),
        new("open_positions", d => CsvCell.Number(d.OpenPositions)),
        new("trade_count", d => CsvCell.Number(d.TradeCount)),
        new("last_trade_id", d => CsvCell.Id(d.LastTradeId)),
        new("source", d => CsvCell.Text(d.Source)),
    ];

    /// <summary>A date as the JSON files write it: <c>YYYY-MM-DD</c>, whatever the culture.</summary>
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
