using System.Text.Json;
using Prescient.Domain.Books;
using Prescient.Domain.Ids;
using Prescient.Engine.Backtest.Recorded;
using Prescient.Engine.Quotes;
using Prescient.Storage.Files.Json;
using StackExchange.Redis;

namespace Prescient.Bus.Redis;

/// <summary>
/// The shared book cache in Redis: one key per token (<c>prescient:book:&lt;token&gt;</c>) holding the book
/// as JSON (a <see cref="TapeBook"/>, every field, exact decimals), expiring after <c>ttl</c> (the execution's <c>Trading:MaxBookAge</c>), so Redis itself forgets a
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
        var writes = books.Select(b => batch.StringSetAsync(Key(b.Key), JsonSerializer.Serialize(TapeBook.From(b.Value), PrescientJson.CompactOptions), ttl)).ToArray();
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
            if (!values[i].IsNull && JsonSerializer.Deserialize<TapeBook>((string)values[i]!, PrescientJson.CompactOptions) is { } cached)
            {
                books[tokens[i]] = cached.ToOrderBook();
            }
        }

        return books;
    }

    private static string Key(TokenId token) => "prescient:book:" + token.Value;
}
