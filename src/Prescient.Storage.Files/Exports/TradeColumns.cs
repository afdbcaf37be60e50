using Prescient.Domain.Trading;

namespace Prescient.Storage.Files.Exports;

/// <summary>
/// The columns of <c>trades_summary.csv</c>, one row per ledger record in ledger order. Shares in
/// shares; price, best price, slippage (against the best ask at execution), signal price (the ask
/// the signal saw) and drift (price − signal price) per share in [0, 1]; cost, fees, cash and P&amp;L
/// in USDC. Signal price and drift are empty for sells, settlements and buys recorded before they were kept.
/// </summary>
internal static class TradeColumns
{
    public static IReadOnlyList<CsvColumn<Trade>> All { get; } =
    [
        new("trade_id", t => CsvCell.Id(t.TradeId)),
        new("signal_id", t => CsvCell.Id(t.SignalId)),
        new("executed_at", t => CsvCell.Timestamp(t.ExecutedAt)),
        new("kind", t => CsvCell.Code(t.Kind)),
        new("event_id", t => CsvCell.Id(t.EventId)),
        new("market_id", t => CsvCell.Id(t.MarketId)),
        new("condition_id", t => CsvCell.Id(t.ConditionId)),
        new("token_id", t => CsvCell.Id(t.TokenId)),
        new("question", t => CsvCell.Text(t.Question)),
        new("outcome", t => CsvCell.Text(t.Outcome)),
        new("shares", t => CsvCell.Number(t.Shares)),
        new("price", t => CsvCell.Number(t.Price)),
        new("cost", t => CsvCell.Number(t.Cost)),
        new("fees", t => CsvCell.Number(t.Fees)),
        new("cash_after", t => CsvCell.Number(t.CashAfter)),
        new("best_price", t => CsvCell.Number(t.BestPrice)),
        new("slippage", t => CsvCell.Number(t.Slippage)),
        new("signal_price", t => CsvCell.Number(t.SignalPrice)),
        new("drift", t => CsvCell.Number(t.Drift)),
        new("realized_pnl", t => CsvCell.Number(t.RealizedPnl)),
        new("book_timestamp", t => CsvCell.Timestamp(t.BookTimestamp)),
        new("source", t => CsvCell.Text(t.Source)),
    ];
}
