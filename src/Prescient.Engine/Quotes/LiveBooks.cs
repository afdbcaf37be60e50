using System.Collections.Concurrent;
using Prescient.Domain.Books;
using Prescient.Domain.Ids;

namespace Prescient.Engine.Quotes;

/// <summary>
/// The order books the live market feed keeps current, by token: the one quote cache that marks,
/// the dashboard and the ghost-book guard read between runs. Empty when no feed runs (every command
/// but <c>serve</c>), and then everything reads the stored quotes as before. A book older than the
/// caller's limit is not handed out, so a stale book is never taken for a live one.
/// </summary>
public sealed class LiveBooks(TimeProvider time)
{
    private readonly ConcurrentDictionary<TokenId, Entry> _books = new();

    /// <summary>Raised after a token's book changed (from the feed's thread; keep handlers short).</summary>
    public event Action<TokenId>? Changed;

    public int Count => _books.Count;

    /// <summary>Replaces the book of its token (the feed calls this after each message that changed it).</summary>
    public void Update(OrderBook book)
    {
        ArgumentNullException.ThrowIfNull(book);
        _books[book.TokenId] = new Entry(book, time.GetUtcNow());
        Changed?.Invoke(book.TokenId);
    }

    /// <summary>Forgets a token's book (unsubscribed, or its market resolved).</summary>
    public void Remove(TokenId token)
    {
        if (_books.TryRemove(token, out _))
        {
            Changed?.Invoke(token);
        }
    }

    /// <summary>Forgets every book (the feed lost its connection: nothing it held is live any more).</summary>
    public void Clear()
    {
        var tokens = _books.Keys.ToArray();
        _books.Clear();
        foreach (var token in tokens)
        {
            Changed?.Invoke(token);
        }
    }

    /// <summary>The live book of <paramref name="token"/> when it was updated within <paramref name="maxAge"/>.</summary>
    public OrderBook? Get(TokenId token, TimeSpan maxAge) =>
        _books.TryGetValue(token, out var entry) && time.GetUtcNow() - entry.UpdatedAt <= maxAge ? entry.Book : null;

    /// <summary>The live books among <paramref name="tokens"/> updated within <paramref name="maxAge"/>, by token.</summary>
    public Dictionary<TokenId, OrderBook> Get(IEnumerable<TokenId> tokens, TimeSpan maxAge)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var books = new Dictionary<TokenId, OrderBook>();
        foreach (var token in tokens)
        {
            if (Get(token, maxAge) is { } book)
            {
                books[token] = book;
            }
        }

        return books;
    }

    private sealed record Entry(OrderBook Book, DateTimeOffset UpdatedAt);
}
