using Prescient.Engine.Extraction;
using Prescient.Engine.Markets;

namespace Prescient.Storage.Files.Exports;

/// <summary>
/// The columns of <c>markets_extracted.csv</c>: every <see cref="MarketRow"/> field in declaration
/// order. Prices in [0, 1]; liquidity and volumes in USDC; tick size in USDC; minimum order size in shares.
/// </summary>
internal static class MarketRowColumns
{
    public static IReadOnlyList<CsvColumn<MarketRow>> For(MarketSourceInfo source) =>
    [
        new("event_id", m => CsvCell.Id(m.EventId)),
        new("event_slug", m => CsvCell.Text(m.EventSlug)),
        new("event_title", m => CsvCell.Text(m.EventTitle)),
        new("market_id", m => CsvCell.Id(m.MarketId)),
        new("condition_id", m => CsvCell.Id(m.ConditionId)),
        new("question", m => CsvCell.Text(m.Question)),
        new("market_slug", m => CsvCell.Text(m.MarketSlug)),
        new("group_item_title", m => CsvCell.Text(m.GroupItemTitle)),
        new("outcomes", m => CsvCell.Text(string.Join(';', m.Outcomes))),
        new("yes_token_id", m => CsvCell.Id(m.YesTokenId)),
        new("no_token_id", m => CsvCell.Id(m.NoTokenId)),
        new("yes_price", m => CsvCell.Number(m.YesPrice)),
        new("no_price", m => CsvCell.Number(m.NoPrice)),
        new("best_bid", m => CsvCell.Number(m.BestBid)),
        new("best_ask", m => CsvCell.Number(m.BestAsk)),
        new("spread", m => CsvCell.Number(m.Spread)),
        new("last_trade_price", m => CsvCell.Number(m.LastTradePrice)),
        new("liquidity", m => CsvCell.Number(m.Liquidity)),
        new("volume", m => CsvCell.Number(m.Volume)),
        new("volume_24h", m => CsvCell.Number(m.Volume24h)),
        new("end_date", m => CsvCell.Timestamp(m.EndDate)),
        new("active", m => CsvCell.Bool(m.Active)),
        new("closed", m => CsvCell.Bool(m.Closed)),
        new("accepting_orders", m => CsvCell.Bool(m.AcceptingOrders)),
        new("enable_order_book", m => CsvCell.Bool(m.EnableOrderBook)),
        new("neg_risk", m => CsvCell.Bool(m.NegRisk)),
        new("neg_risk_market_id", m => CsvCell.Text(m.NegRiskMarketId)),
        new("tick_size", m => CsvCell.Number(m.TickSize)),
        new("min_order_size", m => CsvCell.Number(m.MinOrderSize)),
        new("fees_enabled", m => CsvCell.Bool(m.FeesEnabled)),
        new("fee_type", m => CsvCell.Text(m.FeeType)),
        new("fee_rate", m => CsvCell.Number(m.FeeRate)),
        new("fee_exponent", m => CsvCell.Number(m.FeeExponent)),
        new("maker_base_fee", m => CsvCell.Number(m.MakerBaseFee)),
        new("taker_base_fee", m => CsvCell.Number(m.TakerBaseFee)),
        new("uma_resolution_status", m => CsvCell.Text(m.UmaResolutionStatus)),
        new("is_quotable", m => CsvCell.Bool(m.IsQuotable)),
        new("source", _ => source.Label),
    ];
}
