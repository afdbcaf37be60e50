using Prescient.Domain.Signals;
using Prescient.Engine.Markets;

namespace Prescient.Storage.Files.Exports;

/// <summary>The columns of <c>signals_current.csv</c>: stake in USDC, prices in [0, 1] USDC per share.</summary>
internal static class SignalColumns
{
    public static IReadOnlyList<CsvColumn<Signal>> For(MarketSourceInfo source) =>
    [
        new("signal_id", s => CsvCell.Id(s.SignalId)),
        new("created_at", s => CsvCell.Timestamp(s.CreatedAt)),
        new("strategy", s => CsvCell.Text(s.Strategy)),
        new("event_id", s => CsvCell.Id(s.EventId)),
        new("event_title", s => CsvCell.Text(s.EventTitle)),
        new("market_id", s => CsvCell.Id(s.MarketId)),
        new("condition_id", s => CsvCell.Id(s.ConditionId)),
        new("token_id", s => CsvCell.Id(s.TokenId)),
        new("question", s => CsvCell.Text(s.Question)),
        new("outcome", s => CsvCell.Text(s.Outcome)),
        new("action", s => CsvCell.Code(s.Action)),
        new("stake", s => CsvCell.Number(s.Stake)),
        new("price", s => CsvCell.Number(s.Price)),
        new("limit_price", s => CsvCell.Number(s.LimitPrice)),
        new("yes_price", s => CsvCell.Number(s.YesPrice)),
        new("yes_price_source", s => CsvCell.Text(s.YesPriceSource)),
        new("confidence", s => CsvCell.Number(s.Confidence)),
        new("reason", s => CsvCell.Text(s.Reason)),
        new("source", _ => source.Label),
    ];
}
