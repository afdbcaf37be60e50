using Prescient.Engine.Markets;
using Prescient.Engine.Quotes;

namespace Prescient.Storage.Files.Exports;

/// <summary>
/// The columns of <c>markets_current.csv</c>, one row per quoted token. Prices in [0, 1] USDC per
/// share; depths are the total shares on each side of the book.
/// </summary>
internal static class QuoteColumns
{
    public static IReadOnlyList<CsvColumn<TokenQuote>> For(MarketSourceInfo source) =>
    [
        new("token_id", q => CsvCell.Id(q.TokenId)),
        new("condition_id", q => CsvCell.Id(q.ConditionId)),
        new("market_id", q => CsvCell.Id(q.MarketId)),
        new("event_id", q => CsvCell.Id(q.EventId)),
        new("question", q => CsvCell.Text(q.Question)),
        new("outcome", q => CsvCell.Text(q.Outcome)),
        new("has_book", q => CsvCell.Bool(q.HasBook)),
        new("best_bid", q => CsvCell.Number(q.BestBid)),
        new("best_ask", q => CsvCell.Number(q.BestAsk)),
        new("mid", q => CsvCell.Number(q.Mid)),
        new("spread", q => CsvCell.Number(q.Spread)),
        new("bid_levels", q => CsvCell.Number(q.Bids.Count)),
        new("ask_levels", q => CsvCell.Number(q.Asks.Count)),
        new("bid_depth_shares", q => CsvCell.Number(q.Bids.Sum(l => l.Size))),
        new("ask_depth_shares", q => CsvCell.Number(q.Asks.Sum(l => l.Size))),
        new("tick_size", q => CsvCell.Number(q.TickSize)),
        new("min_order_size", q => CsvCell.Number(q.MinOrderSize)),
        new("last_trade_price", q => CsvCell.Number(q.LastTradePrice)),
        new("book_timestamp", q => CsvCell.Timestamp(q.BookTimestamp)),
        new("source", _ => source.Label),
    ];
}
