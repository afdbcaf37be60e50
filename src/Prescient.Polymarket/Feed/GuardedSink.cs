using Microsoft.Extensions.Logging;
using Prescient.Domain.Ids;

namespace Prescient.Polymarket.Feed;

/// <summary>
/// Wraps the program's sink so a failure in it is logged and counted per call, and the receive loop
/// (and the other messages of the same frame) go on: the feed must not die of a consumer's bug.
/// </summary>
internal sealed class GuardedSink(IMarketFeedSink inner, ILogger logger) : IMarketFeedSink
{
    private long _failures;

    public long Failures => Interlocked.Read(ref _failures);

    public void OnBook(IBookView book, bool isSnapshot)
    {
        try
        {
            inner.OnBook(book, isSnapshot);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Failed(e, nameof(OnBook));
        }
    }

    public void OnTrade(in LastTrade trade)
    {
        try
        {
            inner.OnTrade(trade);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Failed(e, nameof(OnTrade));
        }
    }

    public void OnTickSize(in TickSizeChange change)
    {
        try
        {
            inner.OnTickSize(change);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Failed(e, nameof(OnTickSize));
        }
    }

    public void OnTopOfBook(in TopOfBook top)
    {
        try
        {
            inner.OnTopOfBook(top);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Failed(e, nameof(OnTopOfBook));
        }
    }

    public void OnNewMarket(NewMarket market)
    {
        try
        {
            inner.OnNewMarket(market);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Failed(e, nameof(OnNewMarket));
        }
    }

    public void OnResolved(MarketResolved resolved)
    {
        try
        {
            inner.OnResolved(resolved);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Failed(e, nameof(OnResolved));
        }
    }

    public void OnResyncNeeded(TokenId token, ResyncReason reason)
    {
        try
        {
            inner.OnResyncNeeded(token, reason);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Failed(e, nameof(OnResyncNeeded));
        }
    }

    private void Failed(Exception e, string callback)
    {
        Interlocked.Increment(ref _failures);
        FeedLog.SinkFailed(logger, e, callback);
    }
}
