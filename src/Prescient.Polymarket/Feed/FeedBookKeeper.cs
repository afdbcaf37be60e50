using Prescient.Domain.Ids;

namespace Prescient.Polymarket.Feed;

/// <summary>
/// Keeps one <see cref="LocalBook"/> per token from parsed messages and tells the sink. After each
/// price change that carries the server's top (<c>best_bid</c>/<c>best_ask</c>), the book's top is
/// compared with it; a mismatch marks the token as needing a REST resync, reported once until a
/// snapshot arrives. Level updates keep being applied meanwhile (the next <c>book</c> replaces them).
/// Not thread-safe: one per shard.
/// </summary>
public sealed class FeedBookKeeper : IMarketFrameHandler
{
    private readonly Dictionary<TokenId, LocalBook> _books = [];

    // The parser hands out one string instance per token id, so a lookup by reference skips
    // hashing and comparing 77 characters on every update; other instances fall back to _books.
    private readonly Dictionary<object, LocalBook> _byReference = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<TokenId> _needResync = [];
    private readonly IMarketFeedSink _sink;

    public FeedBookKeeper(IMarketFeedSink sink) => _sink = sink ?? throw new ArgumentNullException(nameof(sink));

    /// <summary>Level updates applied.</summary>
    public long LevelUpdates { get; private set; }

    /// <summary>Price changes whose server top was compared with the book's.</summary>
    public long TopChecks { get; private set; }

    /// <summary>Of those, how many differed.</summary>
    public long TopMismatches { get; private set; }

    public IReadOnlyDictionary<TokenId, LocalBook> Books => _books;

    /// <summary>True when the token waits for a snapshot or REST resync.</summary>
    public bool NeedsResync(TokenId token) => _needResync.Contains(token);

    public void OnBook(in BookSnapshot book, ReadOnlySpan<PriceLevel> bids, ReadOnlySpan<PriceLevel> asks)
    {
        var local = BookOf(book.TokenId);
        local.ApplySnapshot(bids, asks, book.Market, book.Timestamp, book.Hash);
        local.TickSize = book.TickSize ?? local.TickSize;
        local.LastTradePrice = book.LastTradePrice ?? local.LastTradePrice;
        _needResync.Remove(book.TokenId);
        local.NeedsResync = false;
        _sink.OnBook(local, isSnapshot: true);
    }

    public void OnPriceChange(in PriceChange change)
    {
        var local = BookOf(change.TokenId);
        if (!local.HasSnapshot)
        {
            MarkResync(change.TokenId, ResyncReason.NoSnapshot);
            return;
        }

        local.ApplyLevel(change.IsBid, change.Price, change.Size, change.Timestamp, change.Hash);
        LevelUpdates++;
        if (change.HasTop)
        {
            TopChecks++;
            if (!local.TopMatches(change.BestBid, change.BestAsk))
            {
                TopMismatches++;
                MarkResync(change.TokenId, ResyncReason.TopMismatch);
            }
        }

        _sink.OnBook(local, isSnapshot: false);
    }

    public void OnTickSizeChange(in TickSizeChange change)
    {
        BookOf(change.TokenId).TickSize = change.NewTickSize;
        _sink.OnTickSize(change);
    }

    public void OnLastTrade(in LastTrade trade)
    {
        BookOf(trade.TokenId).LastTradePrice = trade.Price;
        _sink.OnTrade(trade);
    }

    public void OnTopOfBook(in TopOfBook top) => _sink.OnTopOfBook(top);

    public void OnNewMarket(NewMarket market) => _sink.OnNewMarket(market);

    public void OnMarketResolved(MarketResolved resolved) => _sink.OnResolved(resolved);

    /// <summary>After a reconnect: every given token's book is emptied and reported as needing a resync.</summary>
    public void ResetAll(IEnumerable<TokenId> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        foreach (var token in tokens)
        {
            if (_books.TryGetValue(token, out var book))
            {
                book.Reset();
            }

            BookOf(token).NeedsResync = true;
            _needResync.Add(token);
            _sink.OnResyncNeeded(token, ResyncReason.Reconnected);
        }
    }

    /// <summary>Forgets an unsubscribed token's book.</summary>
    public void Remove(TokenId token)
    {
        if (_books.Remove(token, out var book))
        {
            foreach (var key in _byReference.Where(p => p.Value == book).Select(p => p.Key).ToList())
            {
                _byReference.Remove(key);
            }
        }

        _needResync.Remove(token);
    }

    private LocalBook BookOf(TokenId token)
    {
        if (_byReference.TryGetValue(token.Value, out var book))
        {
            return book;
        }

        if (!_books.TryGetValue(token, out book))
        {
            book = new LocalBook(token);
            _books.Add(token, book);
        }

        if (_byReference.Count < 4 * _books.Count + 64)
        {
            _byReference[token.Value] = book;
        }

        return book;
    }

    private void MarkResync(TokenId token, ResyncReason reason)
    {
        BookOf(token).NeedsResync = true;
        if (_needResync.Add(token))
        {
            _sink.OnResyncNeeded(token, reason);
        }
    }
}
