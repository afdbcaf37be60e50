using System.Runtime.CompilerServices;
using Prescient.Domain.Books;
using Prescient.Domain.Ids;
using Prescient.Domain.Markets;
using Prescient.Engine.Markets;

namespace Prescient.Testing.Fakes;

/// <summary>
/// An in-memory market source: set <see cref="Events"/> and <see cref="Books"/>, or make it fail,
/// optionally after a number of pages.
/// </summary>
public sealed class FakeMarketSource(MarketSourceInfo? info = null) : IMarketSource
{
    public MarketSourceInfo Info { get; } = info ?? MarketSourceInfo.Sample;

    public List<MarketEvent> Events { get; } = [];

    public Dictionary<TokenId, OrderBook> Books { get; } = [];

    public int PageSize { get; set; } = 2;

    public int BatchSize { get; set; } = 3;

    public Exception? Failure { get; set; }

    /// <summary>Pages yielded before <see cref="Failure"/> is thrown.</summary>
    public int FailAfterPages { get; set; }

    public List<IReadOnlyList<TokenId>> BookRequests { get; } = [];

    /// <summary>What <see cref="LookupMarketAsync"/> answers, by market id; a missing id is a market Gamma does not know.</summary>
    public Dictionary<MarketId, MarketLookup> Lookups { get; } = [];

    public List<MarketId> LookupRequests { get; } = [];

    public async IAsyncEnumerable<IReadOnlyList<MarketEvent>> DiscoverOpenEventsAsync(
        IProgress<DiscoveryProgress>? progress,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var pages = Events.Chunk(PageSize).ToArray();
        for (var i = 0; i < pages.Length || (Failure is not null && i == FailAfterPages); i++)
        {
            if (Failure is not null && i == FailAfterPages)
            {
                throw Failure;
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
        if (Failure is not null)
        {
            throw Failure;
        }

        var done = 0;
        foreach (var batch in tokens.Chunk(BatchSize))
        {
            await Task.Yield();
            BookRequests.Add(batch);
            done += batch.Length;
            progress?.Report(new QuoteProgress(done, tokens.Count));
            yield return new BookBatch(batch, batch.Where(Books.ContainsKey).ToDictionary(t => t, t => Books[t]));
        }
    }

    public Task<MarketLookup?> LookupMarketAsync(MarketId marketId, ConditionId conditionId, CancellationToken cancellationToken)
    {
        if (Failure is not null)
        {
            throw Failure;
        }

        LookupRequests.Add(marketId);
        return Task.FromResult(Lookups.GetValueOrDefault(marketId));
    }
}
