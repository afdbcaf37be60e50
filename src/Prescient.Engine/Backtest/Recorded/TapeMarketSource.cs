using System.Runtime.CompilerServices;
using Prescient.Domain.Books;
using Prescient.Domain.Ids;
using Prescient.Domain.Markets;
using Prescient.Engine.Markets;

namespace Prescient.Engine.Backtest.Recorded;

/// <summary>
/// The market source of a recorded replay: answers from the tape step being replayed, as the source
/// answered the paper run at that instant. A question the paper run did not ask at that instant has
/// no answer on the tape: that is a replay that diverged from the run, and it throws rather than
/// inventing data.
/// </summary>
internal sealed class TapeMarketSource(MarketSourceInfo info) : IMarketSource
{
    private Dictionary<TokenId, OrderBook> _books = [];
    private HashSet<TokenId> _noBook = [];
    private Dictionary<MarketId, MarketLookup?> _lookups = [];
    private Dictionary<TokenId, decimal?> _fees = [];
    private DateTimeOffset _at;

    public MarketSourceInfo Info => info;

    /// <summary>The step whose replies are given from now on.</summary>
    public void Play(MarketTapeStep step)
    {
        _at = step.At;
        _books = step.Books.ToDictionary(b => b.TokenId, b => b.ToOrderBook());
        _noBook = [.. step.NoBook];
        _lookups = step.Lookups.ToDictionary(l => l.MarketId, l => l.Lookup);
        _fees = step.FeeRates.ToDictionary(f => f.TokenId, f => f.BaseFeeBps);
    }

    public IAsyncEnumerable<IReadOnlyList<MarketEvent>> DiscoverOpenEventsAsync(IProgress<DiscoveryProgress>? progress, CancellationToken cancellationToken) =>
        throw new NotSupportedException("A recorded replay does not discover events: the tape holds the markets each cycle extracted.");

    public IAsyncEnumerable<BookBatch> GetBooksAsync(IReadOnlyList<TokenId> tokens, IProgress<QuoteProgress>? progress, CancellationToken cancellationToken) =>
        OneBatchAsync(tokens, cancellationToken);

    public async IAsyncEnumerable<BookBatch> GetBooksAsync(IAsyncEnumerable<IReadOnlyList<TokenId>> tokens, IProgress<QuoteProgress>? progress, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var some in tokens.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return Batch(some);
        }
    }

    public Task<decimal?> GetFeeRateAsync(TokenId token, CancellationToken cancellationToken) =>
        _fees.TryGetValue(token, out var bps) ? Task.FromResult(bps) : throw Missing($"the base fee of token {token}");

    public Task<MarketLookup?> LookupMarketAsync(MarketId marketId, EventId eventId, ConditionId conditionId, CancellationToken cancellationToken) =>
        _lookups.TryGetValue(marketId, out var lookup) ? Task.FromResult(lookup) : throw Missing($"a lookup of market {marketId}");

    /// <summary>The recorded books of <paramref name="tokens"/> (those without one left out).</summary>
    public Dictionary<TokenId, OrderBook> Books(IEnumerable<TokenId> tokens) => new(Batch([.. tokens.Distinct()]).Books);

    private BookBatch Batch(IReadOnlyList<TokenId> tokens)
    {
        var books = new Dictionary<TokenId, OrderBook>();
        foreach (var token in tokens)
        {
            if (_books.TryGetValue(token, out var book))
            {
                books[token] = book;
            }
            else if (!_noBook.Contains(token))
            {
                throw Missing($"the book of token {token}");
            }
        }

        return new BookBatch(tokens, books);
    }

    private async IAsyncEnumerable<BookBatch> OneBatchAsync(IReadOnlyList<TokenId> tokens, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await Task.CompletedTask.ConfigureAwait(false);
        yield return Batch(tokens);
    }

    private InvalidDataException Missing(string what) =>
        new($"The tape has no record of {what} at {_at:O}: the replay asked what the recorded run did not, so it has diverged from it (a different strategy or settings than the run's).");
}
