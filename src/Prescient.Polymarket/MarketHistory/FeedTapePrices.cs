using Prescient.Domain.Ids;
using Prescient.Engine.MarketHistory;
using Prescient.Polymarket.Feed;

namespace Prescient.Polymarket.MarketHistory;

/// <summary>
/// Turns the messages of a recorded market channel into price points, priced as the other market
/// histories price a quote: the mid of the token's best bid and best ask, or its last trade when a side
/// is empty. The books are kept by the live feed's own <see cref="FeedBookKeeper"/>. The top of a token
/// after a message: a <c>book</c>'s best levels; a <c>price_change</c>'s <c>best_bid</c>/<c>best_ask</c>
/// (the server's top after the change, since September 2025), else the kept book's; a <c>best_bid_ask</c>'s
/// own; a <c>last_trade_price</c> gives a point only while the top is one-sided or unknown (a trade inside
/// a two-sided book does not move its mid). A point is at the message's <c>timestamp</c>, in whole seconds;
/// a message without one changes the books but gives no point. <c>market_resolved</c> gives the winning
/// token 1 and the market's other tokens 0. Not thread-safe.
/// </summary>
internal sealed class FeedTapePrices : IMarketFrameHandler
{
    private readonly FeedBookKeeper _books = new(new IgnoringSink());
    private readonly Dictionary<TokenId, (decimal? Bid, decimal? Ask)> _tops = [];
    private readonly Dictionary<TokenId, decimal> _lastTrades = [];

    public Dictionary<TokenId, List<HistoryPoint>> Points { get; } = [];

    public Dictionary<TokenId, HistoryResolution> Resolutions { get; } = [];

    /// <summary>Messages that changed a price but carried no timestamp, so gave no point.</summary>
    public long Untimed { get; private set; }

    public void OnBook(in BookSnapshot book, ReadOnlySpan<PriceLevel> bids, ReadOnlySpan<PriceLevel> asks)
    {
        _books.OnBook(book, bids, asks);
        if (book.LastTradePrice is { } last)
        {
            _lastTrades[book.TokenId] = last;
        }

        var local = _books.Books[book.TokenId];
        Top(book.TokenId, local.BestBid, local.BestAsk, book.Timestamp);
    }

    public void OnPriceChange(in PriceChange change)
    {
        _books.OnPriceChange(change);
        if (change.HasTop)
        {
            Top(change.TokenId, change.BestBid, change.BestAsk, change.Timestamp);
        }
        else if (_books.Books.TryGetValue(change.TokenId, out var local) && local.HasSnapshot)
        {
            Top(change.TokenId, local.BestBid, local.BestAsk, change.Timestamp);
        }
    }

    public void OnTickSizeChange(in TickSizeChange change) => _books.OnTickSizeChange(change);

    public void OnLastTrade(in LastTrade trade)
    {
        _books.OnLastTrade(trade);
        _lastTrades[trade.TokenId] = trade.Price;
        if (!_tops.TryGetValue(trade.TokenId, out var top) || top.Bid is null || top.Ask is null)
        {
            Add(trade.TokenId, trade.Timestamp, trade.Price);
        }
    }

    public void OnTopOfBook(in TopOfBook top) => Top(top.TokenId, top.BestBid, top.BestAsk, top.Timestamp);

    public void OnNewMarket(NewMarket market)
    {
    }

    public void OnMarketResolved(MarketResolved resolved)
    {
        ArgumentNullException.ThrowIfNull(resolved);
        if (resolved.WinningTokenId is not { } winner)
        {
            return;
        }

        var detail = $"market_resolved of {resolved.Market} on the feed tape: {resolved.WinningOutcome ?? winner.Value} won";
        foreach (var token in resolved.TokenIds)
        {
            Resolutions[token] = new HistoryResolution(token == winner ? 1m : 0m, detail);
        }

        Resolutions[winner] = new HistoryResolution(1m, detail);
    }

    private void Top(TokenId token, decimal? bid, decimal? ask, DateTimeOffset? at)
    {
        _tops[token] = (bid, ask);
        var price = bid is { } b && ask is { } a ? (b + a) / 2m : _lastTrades.TryGetValue(token, out var last) ? last : (decimal?)null;
        if (price is { } p)
        {
            Add(token, at, p);
        }
    }

    private void Add(TokenId token, DateTimeOffset? at, decimal price)
    {
        if (price is < 0m or > 1m)
        {
            return;
        }

        if (at is not { } time)
        {
            Untimed++;
            return;
        }

        if (!Points.TryGetValue(token, out var list))
        {
            Points[token] = list = [];
        }

        list.Add(HistoryPoint.At(time, price));
    }

    private sealed class IgnoringSink : IMarketFeedSink
    {
        public void OnBook(IBookView book, bool isSnapshot)
        {
        }
    }
}
