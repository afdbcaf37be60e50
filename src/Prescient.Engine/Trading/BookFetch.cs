using Prescient.Domain.Books;
using Prescient.Domain.Ids;
using Prescient.Engine.Markets;
using Prescient.Engine.Quotes;

namespace Prescient.Engine.Trading;

/// <summary>How an execution gets the books it fills and marks against.</summary>
internal static class BookFetch
{
    /// <summary>
    /// The books of <paramref name="tokens"/> not in <paramref name="books"/> yet: from the live feed's
    /// cache, then the shared book cache (<see cref="IBookCache"/>), where either holds a book fresh by
    /// <paramref name="maxBookAge"/> (<see cref="TradingOptions.MaxBookAge"/>) (the executor's own rule, so a quiet book is fetched again
    /// rather than refused), from the REST book otherwise.
    /// </summary>
    public static async Task FetchAsync(
        IMarketSource source,
        LiveBooks? live,
        IBookCache? cache,
        TimeSpan maxBookAge,
        TimeProvider time,
        IEnumerable<TokenId> tokens,
        Dictionary<TokenId, OrderBook> books,
        CancellationToken cancellationToken)
    {
        var wanted = tokens.Distinct().Where(t => !books.ContainsKey(t)).ToArray();
        if (live is { Count: > 0 })
        {
            var now = time.GetUtcNow();
            foreach (var (token, book) in live.Get(wanted, maxBookAge))
            {
                if (book.Timestamp is { } at && now - at <= maxBookAge)
                {
                    books[token] = book;
                }
            }

            wanted = wanted.Where(t => !books.ContainsKey(t)).ToArray();
        }

        if (cache is not null && wanted.Length > 0)
        {
            // Books another process (the quotes stage) fetched moments ago, under the same freshness rule.
            var now = time.GetUtcNow();
            foreach (var (token, book) in await cache.GetAsync(wanted, cancellationToken))
            {
                if (book.Timestamp is { } at && now - at <= maxBookAge && now >= at)
                {
                    books[token] = book;
                }
            }

            wanted = wanted.Where(t => !books.ContainsKey(t)).ToArray();
        }

        if (wanted.Length == 0)
        {
            return;
        }

        await foreach (var batch in source.GetBooksAsync(wanted, null, cancellationToken))
        {
            foreach (var (token, book) in batch.Books)
            {
                books[token] = book;
            }
        }
    }
}
