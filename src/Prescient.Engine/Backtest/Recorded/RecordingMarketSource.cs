using System.Runtime.CompilerServices;
using Prescient.Domain.Ids;
using Prescient.Domain.Markets;
using Prescient.Engine.Markets;

namespace Prescient.Engine.Backtest.Recorded;

/// <summary>
/// A market source that passes every call to <paramref name="inner"/> and tells <paramref name="recorder"/>
/// the books, market lookups and base fees it returned, so that a run can be replayed by a backtest
/// with the data it saw (<c>simulate --record</c>). Discovery passes through unrecorded: the tape keeps
/// what the refresh made of it (the extracted markets) instead.
/// </summary>
public sealed class RecordingMarketSource(IMarketSource inner, MarketTapeRecorder recorder) : IMarketSource
{
    public MarketSourceInfo Info => inner.Info;

    public IAsyncEnumerable<IReadOnlyList<MarketEvent>> DiscoverOpenEventsAsync(IProgress<DiscoveryProgress>? progress, CancellationToken cancellationToken) =>
        inner.DiscoverOpenEventsAsync(progress, cancellationToken);

    public IAsyncEnumerable<BookBatch> GetBooksAsync(IReadOnlyList<TokenId> tokens, IProgress<QuoteProgress>? progress, CancellationToken cancellationToken) =>
        RecordAsync(inner.GetBooksAsync(tokens, progress, cancellationToken), cancellationToken);

    public IAsyncEnumerable<BookBatch> GetBooksAsync(IAsyncEnumerable<IReadOnlyList<TokenId>> tokens, IProgress<QuoteProgress>? progress, CancellationToken cancellationToken) =>
        RecordAsync(inner.GetBooksAsync(tokens, progress, cancellationToken), cancellationToken);

    public async Task<decimal?> GetFeeRateAsync(TokenId token, CancellationToken cancellationToken)
    {
        var bps = await inner.GetFeeRateAsync(token, cancellationToken).ConfigureAwait(false);
        recorder.FeeRate(token, bps);
        return bps;
    }

    public async Task<MarketLookup?> LookupMarketAsync(MarketId marketId, EventId eventId, ConditionId conditionId, CancellationToken cancellationToken)
    {
        var lookup = await inner.LookupMarketAsync(marketId, eventId, conditionId, cancellationToken).ConfigureAwait(false);
        recorder.Lookup(marketId, lookup);
        return lookup;
    }

    private async IAsyncEnumerable<BookBatch> RecordAsync(IAsyncEnumerable<BookBatch> batches, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var batch in batches.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            recorder.Books(batch);
            yield return batch;
        }
    }
}
