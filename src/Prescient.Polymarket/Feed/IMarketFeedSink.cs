using Prescient.Domain.Ids;

namespace Prescient.Polymarket.Feed;

/// <summary>
/// Where the feed delivers what it learns. Calls come from the shards' receive loops: the calls
/// for one token always come from the same loop, in wire order, but different shards call at the
/// same time, so an implementation must be thread-safe and quick (hand work to a channel).
/// An exception thrown here is logged and counted, and never stops the feed. Every message but the
/// book has a default that ignores it, so a sink implements only what it uses.
/// </summary>
public interface IMarketFeedSink
{
    /// <summary>The token's book changed: a whole snapshot (<paramref name="isSnapshot"/>) or one level. The view is valid only during the call.</summary>
    void OnBook(IBookView book, bool isSnapshot);

    void OnTrade(in LastTrade trade)
    {
    }

    void OnTickSize(in TickSizeChange change)
    {
    }

    /// <summary>The server's own top of book (<c>best_bid_ask</c>). It can run a message ahead of the price change it reflects, so it is not checked against the book.</summary>
    void OnTopOfBook(in TopOfBook top)
    {
    }

    void OnNewMarket(NewMarket market)
    {
    }

    void OnResolved(MarketResolved resolved)
    {
    }

    /// <summary>The token's book needs rebuilding (reported once until the next snapshot for it).</summary>
    void OnResyncNeeded(TokenId token, ResyncReason reason)
    {
    }
}
