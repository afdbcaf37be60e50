using Prescient.Engine.Markets;
using Prescient.Engine.Storage;

namespace Prescient.Storage.Files.Exports;

/// <summary>
/// The columns of <c>positions_current.csv</c>, one row per open position. Shares in shares; prices
/// per share in [0, 1]; cost basis, value and P&amp;L in USDC. <c>mark_source</c> says whether the
/// mark is the best bid or a fallback.
/// </summary>
internal static class PositionColumns
{
    public static IReadOnlyList<CsvColumn<PositionSnapshot>> For(MarketSourceInfo source) =>
    [
        new("event_id", p => CsvCell.Id(p.EventId)),
        new("market_id", p => CsvCell.Id(p.MarketId)),
        new("condition_id", p => CsvCell.Id(p.ConditionId)),
        new("token_id", p => CsvCell.Id(p.TokenId)),
        new("question", p => CsvCell.Text(p.Question)),
        new("outcome", p => CsvCell.Text(p.Outcome)),
        new("shares", p => CsvCell.Number(p.Shares)),
        new("average_entry_price", p => CsvCell.Number(p.AverageEntryPrice)),
        new("cost_basis", p => CsvCell.Number(p.CostBasis)),
        new("fees", p => CsvCell.Number(p.Fees)),
        new("opened_at", p => CsvCell.Timestamp(p.OpenedAt)),
        new("mark", p => CsvCell.Number(p.Mark)),
        new("mark_source", p => CsvCell.Code(p.MarkSource)),
        new("mark_flag", p => CsvCell.Text(p.MarkFlag)),
        new("marked_at", p => CsvCell.Timestamp(p.MarkedAt)),
        new("market_value", p => CsvCell.Number(p.MarketValue)),
        new("unrealized_pnl", p => CsvCell.Number(p.UnrealizedPnl)),
        new("lookup_problem", p => CsvCell.Text(p.LookupProblem)),
        new("source", _ => source.Label),
    ];
}
