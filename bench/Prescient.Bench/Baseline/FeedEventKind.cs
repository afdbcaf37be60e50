namespace Prescient.Bench.Baseline;

/// <summary>The market channel's <c>event_type</c> values this feed understands.</summary>
internal enum FeedEventKind
{
    Unknown,
    Book,
    PriceChange,
    TickSizeChange,
    LastTradePrice,
    BestBidAsk,
    NewMarket,
    MarketResolved,
}
