using Prescient.Domain.Books;
using Prescient.Domain.Ids;
using Prescient.Domain.Markets;

namespace Prescient.Engine.Markets;

/// <summary>
/// A Polymarket-shaped source of events and order books: the real APIs, or anything that speaks
/// their formats (the sample market). Both reads stream, so a run holds one page or one batch at a
/// time, not the whole universe. Implementations retry transient failures themselves and throw
/// <see cref="MarketDataUnavailableException"/> (possibly after some pages) when data cannot be had.
/// </summary>
public interface IMarketSource
{
    MarketSourceInfo Info { get; }

    /// <summary>
    /// Every open event (active, not closed, not archived), one page at a time in the order the API
    /// returns them; an event already yielded on an earlier page is not yielded again. The next page
    /// may be fetched while the caller works on the current one.
    /// </summary>
    IAsyncEnumerable<IReadOnlyList<MarketEvent>> DiscoverOpenEventsAsync(
        IProgress<DiscoveryProgress>? progress,
        CancellationToken cancellationToken);

    /// <summary>
    /// Order books for the given tokens, fetched in batches (several at once) and yielded in the
    /// order of <paramref name="tokens"/>. A token of a batch missing from its books has no book on
    /// the exchange.
    /// </summary>
    IAsyncEnumerable<BookBatch> GetBooksAsync(
        IReadOnlyList<TokenId> tokens,
        IProgress<QuoteProgress>? progress,
        CancellationToken cancellationToken);

    /// <summary>
    /// Order books for tokens that become known over time (a refresh finds them page by page while
    /// discovery runs): batches are requested as soon as enough tokens are waiting, and yielded in
    /// the order the tokens arrived, duplicates asked once. The progress total is the number of
    /// tokens seen so far. A failure of <paramref name="tokens"/> fails the stream after the
    /// batches requested before it.
    /// </summary>
    IAsyncEnumerable<BookBatch> GetBooksAsync(
        IAsyncEnumerable<IReadOnlyList<TokenId>> tokens,
        IProgress<QuoteProgress>? progress,
        CancellationToken cancellationToken);

    /// <summary>
    /// The CLOB base fee of one token in basis points (<c>GET /fee-rate</c> <c>base_fee</c>, a number
    /// or a numeric string upstream), or null when the exchange has none for it (404). Throws
    /// <see cref="MarketDataUnavailableException"/> when it cannot be had or is not a fee.
    /// </summary>
    Task<decimal?> GetFeeRateAsync(TokenId token, CancellationToken cancellationToken);

    /// <summary>
    /// One market by its Gamma id, whether or not its event is still open (held positions must be
    /// settled after their event leaves the open listing), with the CLOB's view of
    /// <paramref name="conditionId"/> when Gamma reports the market closed and the CLOB can be had
    /// (an open market, or a CLOB failure, leaves <see cref="MarketLookup.Clob"/> null rather than
    /// failing the lookup). <paramref name="eventId"/> is the parent event the caller already knows:
    /// Gamma does not always nest it in the reply. Null when Gamma does not know the market.
    /// </summary>
    Task<MarketLookup?> LookupMarketAsync(MarketId marketId, EventId eventId, ConditionId conditionId, CancellationToken cancellationToken);
}

/// <summary>One batch of a book request: the tokens asked for and the books found among them.</summary>
public sealed record BookBatch(IReadOnlyList<TokenId> Tokens, IReadOnlyDictionary<TokenId, OrderBook> Books);

/// <summary>Discovery so far: pages fetched and events received.</summary>
public readonly record struct DiscoveryProgress(int Pages, int Events);

/// <summary>Quoting so far: tokens whose batch has completed, out of the total asked for (so far, when the tokens stream in).</summary>
public readonly record struct QuoteProgress(int TokensDone, int TokensTotal);
