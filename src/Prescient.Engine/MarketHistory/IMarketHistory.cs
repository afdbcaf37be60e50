using Prescient.Domain.Ids;

namespace Prescient.Engine.MarketHistory;

/// <summary>
/// Recorded prices of tokens over time, whatever stored them: the daily price snapshots of the data
/// folder, the price-history cache of <c>history fetch</c>, later a recorded feed tape. A backtest
/// reads through this port only. Reads stream: a token's points arrive one stored unit (a month, a
/// day) at a time, so a year of hourly data for thousands of tokens never sits in memory at once.
/// </summary>
public interface IMarketHistory
{
    /// <summary>What the history is, for reports ("price history cache", "daily prices").</summary>
    string Name { get; }

    /// <summary>
    /// Every token the history holds data for in [<paramref name="from"/>, <paramref name="to"/>), in ordinal
    /// id order. An adapter that stores whole months may list a token whose points in the range turn out
    /// to be none (its month starts after the range ends): <see cref="ReadAsync"/> then yields nothing.
    /// </summary>
    Task<IReadOnlyList<TokenId>> TokensAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);

    /// <summary>
    /// The points of <paramref name="token"/> in [<paramref name="from"/>, <paramref name="to"/>), oldest
    /// first with strictly increasing times, in chunks (one per stored unit, none empty). A chunk's memory
    /// may be reused for the next one: copy what must outlive the step. A token without points yields
    /// nothing; a stored unit that is damaged throws <see cref="InvalidDataException"/>.
    /// </summary>
    IAsyncEnumerable<ReadOnlyMemory<HistoryPoint>> ReadAsync(TokenId token, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);

    /// <summary>How the token's market resolved, or null when that is not known (still open, or never recorded).</summary>
    Task<HistoryResolution?> ResolutionAsync(TokenId token, CancellationToken cancellationToken);
}
