using System.Collections.Concurrent;
using System.Threading.Channels;
using Prescient.Domain.Ids;
using Prescient.Polymarket.Feed;

namespace Prescient.Polymarket.Tests.Feed;

/// <summary>A sink that records everything, and streams it for tests that wait on the feed.</summary>
internal sealed class RecordingSink : IMarketFeedSink
{
    private readonly Channel<string> _events = Channel.CreateUnbounded<string>();

    public ConcurrentQueue<(TokenId Token, ResyncReason Reason)> Resyncs { get; } = new();

    public ConcurrentQueue<LastTrade> Trades { get; } = new();

    public ConcurrentQueue<TickSizeChange> TickSizes { get; } = new();

    public ConcurrentQueue<TopOfBook> Tops { get; } = new();

    public ConcurrentQueue<NewMarket> NewMarkets { get; } = new();

    public ConcurrentQueue<MarketResolved> Resolutions { get; } = new();

    public ConcurrentDictionary<TokenId, (decimal? Bid, decimal? Ask)> LastTop { get; } = new();

    public int Snapshots;

    public int LevelUpdates;

    /// <summary>One line per call, e.g. "book 123 snapshot", "resync 123 Reconnected".</summary>
    public ChannelReader<string> Events => _events.Reader;

    public void OnBook(IBookView book, bool isSnapshot)
    {
        Interlocked.Increment(ref isSnapshot ? ref Snapshots : ref LevelUpdates);
        LastTop[book.TokenId] = (book.BestBid, book.BestAsk);
        _events.Writer.TryWrite($"book {book.TokenId} {(isSnapshot ? "snapshot" : "level")}");
    }

    public void OnTrade(in LastTrade trade)
    {
        Trades.Enqueue(trade);
        _events.Writer.TryWrite($"trade {trade.TokenId}");
    }

    public void OnTickSize(in TickSizeChange change)
    {
        TickSizes.Enqueue(change);
        _events.Writer.TryWrite($"tick {change.TokenId}");
    }

    public void OnTopOfBook(in TopOfBook top)
    {
        Tops.Enqueue(top);
        _events.Writer.TryWrite($"top {top.TokenId}");
    }

    public void OnNewMarket(NewMarket market)
    {
        NewMarkets.Enqueue(market);
        _events.Writer.TryWrite($"new {market.Market}");
    }

    public void OnResolved(MarketResolved resolved)
    {
        Resolutions.Enqueue(resolved);
        _events.Writer.TryWrite($"resolved {resolved.Market}");
    }

    public void OnResyncNeeded(TokenId token, ResyncReason reason)
    {
        Resyncs.Enqueue((token, reason));
        _events.Writer.TryWrite($"resync {token} {reason}");
    }

    /// <summary>Reads events until one matches; fails when <paramref name="ct"/> ends first.</summary>
    public async Task<string> WaitForAsync(Func<string, bool> match, CancellationToken ct)
    {
        while (true)
        {
            var line = await _events.Reader.ReadAsync(ct);
            if (match(line))
            {
                return line;
            }
        }
    }
}
