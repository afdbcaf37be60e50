using Prescient.Polymarket.Feed;

namespace Prescient.Polymarket.Tests.Feed;

/// <summary>Keeps every message the parser hands on, levels copied out of their spans.</summary>
internal sealed class CapturingHandler : IMarketFrameHandler
{
    public List<(BookSnapshot Book, PriceLevel[] Bids, PriceLevel[] Asks)> Books { get; } = [];

    public List<PriceChange> Changes { get; } = [];

    public List<TickSizeChange> Ticks { get; } = [];

    public List<LastTrade> Trades { get; } = [];

    public List<TopOfBook> Tops { get; } = [];

    public List<NewMarket> NewMarkets { get; } = [];

    public List<MarketResolved> Resolved { get; } = [];

    public void OnBook(in BookSnapshot book, ReadOnlySpan<PriceLevel> bids, ReadOnlySpan<PriceLevel> asks) => Books.Add((book, bids.ToArray(), asks.ToArray()));

    public void OnPriceChange(in PriceChange change) => Changes.Add(change);

    public void OnTickSizeChange(in TickSizeChange change) => Ticks.Add(change);

    public void OnLastTrade(in LastTrade trade) => Trades.Add(trade);

    public void OnTopOfBook(in TopOfBook top) => Tops.Add(top);

    public void OnNewMarket(NewMarket market) => NewMarkets.Add(market);

    public void OnMarketResolved(MarketResolved resolved) => Resolved.Add(resolved);
}
