using Prescient.Domain.Books;
using Prescient.Domain.Ids;
using Prescient.Domain.Markets;

namespace Prescient.Engine.Markets;

/// <summary>
/// A Polymarket-shaped source of events and order books: the real APIs, or anything that speaks
/// their formats (the sample market). Implementations retry transient failures themselves and
/// throw <see cref="MarketDataUnavailableException"/> when data cannot be had.
/// </summary>
public interface IMarketSource
{
    MarketSourceInfo Info { get; }

    /// <summary>Every open event (active, not closed, not archived), all pages.</summary>
    Task<IReadOnlyList<MarketEvent>> DiscoverOpenEventsAsync(
        IProgress<DiscoveryProgress>? progress,
        CancellationToken cancellationToken);

    /// <summary>
    /// Order books for the given tokens, fetched in batches. A token missing from the result has
    /// no book on the exchange.
    /// </summary>
    Task<IReadOnlyDictionary<TokenId, OrderBook>> GetBooksAsync(
        IReadOnlyCollection<TokenId> tokens,
        IProgress<QuoteProgress>? progress,
        CancellationToken cancellationToken);
}

/// <summary>Discovery so far: pages fetched and events received.</summary>
public readonly record struct DiscoveryProgress(int Pages, int Events);

/// <summary>Quoting so far: tokens whose batch has completed, out of the total asked for.</summary>
public readonly record struct QuoteProgress(int TokensDone, int TokensTotal);
