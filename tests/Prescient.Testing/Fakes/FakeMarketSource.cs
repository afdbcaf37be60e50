using System.Runtime.CompilerServices;
using Prescient.Domain.Books;
using Prescient.Domain.Ids;
using Prescient.Domain.Markets;
using Prescient.Engine.Markets;

namespace Prescient.Testing.Fakes;

/// <summary>
/// An in-memory market source: set <see cref="Events"/>, <see cref="Books"/> and <see cref="BaseFees"/>,
/// or make it fail, optionally after a number of pages.
/// </summary>
public sealed class FakeMarketSource(MarketSourceInfo? info = null) : IMarketSource
{
    public MarketSourceInfo Info { get; } = info ?? MarketSourceInfo.Sample;

    public List<MarketEvent> Events { get; } = [];

    public Dictionary<TokenId, OrderBook> Books { get; } = [];

    public int PageSize { get; set; } = 2;

    public int BatchSize { get; set; } = 3;

    /// <summary>Thrown by discovery (after <see cref="FailAfterPages"/> pages), book requests and lookups.</summary>
    public Exception? Failure { get; set; }

    /// <summary>Thrown by discovery alone, after <see cref="FailAfterPages"/> pages (books keep working).</summary>
    public Exception? DiscoveryFailure { get; set; }

    /// <summary>Thrown by book requests alone, when asked (discovery keeps working).</summary>
    public Exception? BooksFailure { get; set; }

    /// <summary>Pages yielded before the discovery failure is thrown.</summary>
    public int FailAfterPages { get; set; }

    /// <summary>Awaited before page N (0-based) is yielded: lets a test hold discovery at a page.</summary>
    public Func<int, Task>? BeforePage { get; set; }

    /// <summary>Called with each batch of tokens as it is requested.</summary>
    public Action<IReadOnlyList<TokenId>>? OnBookRequest { get; set; }

    public List<IReadOnlyList<TokenId>> BookRequests { get; } = [];

    /// <summary>What <see cref="GetFeeRateAsync"/> answers, in basis points, by token; a missing token is a 404 (null).</summary>
    public Dictionary<TokenId, decimal> BaseFees { get; } = [];

    /// <summary>Thrown by <see cref="GetFeeRateAsync"/> alone (books and lookups keep working).</summary>
    public Exception? FeeRateFailure { get; set; }

    public List<TokenId> FeeRateRequests { get; } = [];

    /// <summary>What <see cref="LookupMarketAsync"/> throws for one market (an unusable reply, an unreachable source), by market id.</summary>
    public Dictionary<MarketId, Exception> LookupFailures { get; } = [];

    /// <summary>The parent event id each lookup was given, by market id.</summary>
    public Dictionary<MarketId, EventId> LookupEvents { get; } = [];

    /// <summary>What <see cref="LookupMarketAsync"/> answers, by market id; a missing id is a market Gamma does not know.</summary>
    public Dictionary<MarketId, MarketLookup> Lookups { get; } = [];

    public List<MarketId> LookupRequests { get; } = [];

    public async IAsyncEnumerable<IReadOnlyList<MarketEvent>> DiscoverOpenEventsAsync(
        IProgress<DiscoveryProgress>? progress,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var pages = Events.Chunk(PageSize).ToArray();
        var failure = DiscoveryFailure ?? Failure;
        for (var i = 0; i < pages.Length || (failure is not null && i == FailAfterPages); i++)
        {
            if (BeforePage is not null)
            {
                await BeforePage(i);
            }

            if (failure is not null && i == FailAfterPages)
            {
                throw failure;
            }

            await Task.Yield();
            progress?.Report(new DiscoveryProgress(i + 1, pages.Take(i + 1).Sum(p => p.Length)));
            yield return pages[i];
        }
    }

    public async IAsyncEnumerable<BookBatch> GetBooksAsync(
        IReadOnlyList<TokenId> tokens,
        IProgress<QuoteProgress>? progress,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        if ((BooksFailure ?? Failure) is { } failure)
        {
            throw failure;
        }

        var done = 0;
        foreach (var batch in tokens.Chunk(BatchSize))
        {
            await Task.Yield();
            Requested(batch);
            done += batch.Length;
            progress?.Report(new QuoteProgress(done, tokens.Count));
            yield return Batch(batch);
        }
    }

    /// <summary>Batches of <see cref="BatchSize"/> distinct tokens, each yielded once full (the last when the tokens end).</summary>
    public async IAsyncEnumerable<BookBatch> GetBooksAsync(
        IAsyncEnumerable<IReadOnlyList<TokenId>> tokens,
        IProgress<QuoteProgress>? progress,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        if ((BooksFailure ?? Failure) is { } failure)
        {
            throw failure;
        }

        var seen = new HashSet<TokenId>();
        var waiting = new List<TokenId>();
        var done = 0;
        await foreach (var chunk in tokens.WithCancellation(cancellationToken))
        {
            waiting.AddRange(chunk.Where(seen.Add));
            while (waiting.Count >= BatchSize)
            {
                var batch = waiting.Take(BatchSize).ToArray();
                waiting.RemoveRange(0, BatchSize);
                done += batch.Length;
                Requested(batch);
                progress?.Report(new QuoteProgress(done, seen.Count));
                yield return Batch(batch);
            }
        }

        if (waiting.Count > 0)
        {
            done += waiting.Count;
            Requested([.. waiting]);
            progress?.Report(new QuoteProgress(done, seen.Count));
            yield return Batch([.. waiting]);
        }
    }

    private void Requested(TokenId[] batch)
    {
        lock (BookRequests)
        {
            BookRequests.Add(batch);
        }

        OnBookRequest?.Invoke(batch);
    }

    private BookBatch Batch(TokenId[] batch) =>
        new(batch, batch.Where(Books.ContainsKey).ToDictionary(t => t, t => Books[t]));

    public Task<decimal?> GetFeeRateAsync(TokenId token, CancellationToken cancellationToken)
    {
        FeeRateRequests.Add(token);
        if ((FeeRateFailure ?? Failure) is { } failure)
        {
            throw failure;
        }

        return Task.FromResult(BaseFees.TryGetValue(token, out var bps) ? bps : (decimal?)null);
    }

    public Task<MarketLookup?> LookupMarketAsync(MarketId marketId, EventId eventId, ConditionId conditionId, CancellationToken cancellationToken)
    {
        if (Failure is not null)
        {
            throw Failure;
        }

        LookupRequests.Add(marketId);
        LookupEvents[marketId] = eventId;
        if (LookupFailures.TryGetValue(marketId, out var failure))
        {
            throw failure;
        }

        return Task.FromResult(Lookups.GetValueOrDefault(marketId));
    }
}
