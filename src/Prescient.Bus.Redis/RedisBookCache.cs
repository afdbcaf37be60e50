using System.Text.Json;
using Prescient.Domain.Books;
using Prescient.Domain.Ids;
using Prescient.Engine.Quotes;
using StackExchange.Redis;

namespace Prescient.Bus.Redis;

/// <summary>
/// The shared book cache in Redis: one key per token (<c>prescient:book:&lt;token&gt;</c>) holding the book
/// as JSON, expiring after <c>ttl</c> (the execution's <c>Trading:MaxBookAge</c>), so Redis itself forgets a
/// book before an execution could think it fresh.
/// </summary>
public sealed class RedisBookCache(IConnectionMultiplexer redis, TimeSpan ttl) : IBookCache
{
    public async Task StoreAsync(IReadOnlyDictionary<TokenId, OrderBook> books, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(books);
        if (books.Count == 0)
        {
            return;
        }

        var batch = redis.GetDatabase().CreateBatch();
        var writes = books.Select(b => batch.StringSetAsync(Key(b.Key), JsonSerializer.Serialize(CachedBook.From(b.Value)), ttl)).ToArray();
        batch.Execute();
        await Task.WhenAll(writes).ConfigureAwait(false);
    }

    public async Task<IReadOnlyDictionary<TokenId, OrderBook>> GetAsync(IReadOnlyList<TokenId> tokens, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        if (tokens.Count == 0)
        {
            return new Dictionary<TokenId, OrderBook>();
        }

        var values = await redis.GetDatabase().StringGetAsync(tokens.Select(t => (RedisKey)Key(t)).ToArray()).ConfigureAwait(false);
        var books = new Dictionary<TokenId, OrderBook>();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!values[i].IsNull && JsonSerializer.Deserialize<CachedBook>((string)values[i]!) is { } cached)
            {
                books[tokens[i]] = cached.ToBook();
            }
        }

        return books;
    }

    private static string Key(TokenId token) => "prescient:book:" + token.Value;

    /// <summary>An order book as stored: every field, levels as [price, size] pairs of exact decimals.</summary>
    private sealed record CachedBook(
        string TokenId,
        string? ConditionId,
        decimal[][] Bids,
        decimal[][] Asks,
        decimal? TickSize,
        decimal? MinOrderSize,
        DateTimeOffset? Timestamp,
        decimal? LastTradePrice,
        bool? NegRisk,
        string? Hash)
    {
        public static CachedBook From(OrderBook book) => new(
            book.TokenId.Value,
            book.ConditionId?.Value,
            [.. book.Bids.Select(l => new[] { l.Price, l.Size })],
            [.. book.Asks.Select(l => new[] { l.Price, l.Size })],
            book.TickSize,
            book.MinOrderSize,
            book.Timestamp,
            book.LastTradePrice,
            book.NegRisk,
            book.Hash);

        public OrderBook ToBook() =>
            OrderBook.Create(Domain.Ids.TokenId.Create(TokenId), ConditionId is null ? null : Domain.Ids.ConditionId.Create(ConditionId), Bids.Select(l => new BookLevel(l[0], l[1])), Asks.Select(l => new BookLevel(l[0], l[1]))) with
            {
                TickSize = TickSize,
                MinOrderSize = MinOrderSize,
                Timestamp = Timestamp,
                LastTradePrice = LastTradePrice,
                NegRisk = NegRisk,
                Hash = Hash,
            };
    }
}
