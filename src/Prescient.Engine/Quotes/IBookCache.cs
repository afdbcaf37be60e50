using Prescient.Domain.Books;
using Prescient.Domain.Ids;

namespace Prescient.Engine.Quotes;

/// <summary>
/// Books shared between processes (Redis, with the scale-out setup): the quotes stage stores what it
/// fetched, an execution on any machine takes them instead of fetching again. An entry lives no longer
/// than <see cref="Trading.TradingOptions.MaxBookAge"/>, and the execution still checks each book's own
/// timestamp, so a stale book is never used for a fill.
/// </summary>
public interface IBookCache
{
    Task StoreAsync(IReadOnlyDictionary<TokenId, OrderBook> books, CancellationToken cancellationToken);

    /// <summary>The cached books among <paramref name="tokens"/> (those missing or expired are absent).</summary>
    Task<IReadOnlyDictionary<TokenId, OrderBook>> GetAsync(IReadOnlyList<TokenId> tokens, CancellationToken cancellationToken);
}
