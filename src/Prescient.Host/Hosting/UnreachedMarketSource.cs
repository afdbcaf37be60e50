using Prescient.Domain.Ids;
using Prescient.Domain.Markets;
using Prescient.Engine.Markets;

namespace Prescient.Host.Hosting;

/// <summary>
/// The market source of a command that only reads the data folder (<see cref="MarketUse.None"/>):
/// it names the source, and refuses every call with an error that says so, so that a read command
/// that starts to need the market fails at once in its tests instead of reaching a server it did not start.
/// </summary>
internal sealed class UnreachedMarketSource(MarketSourceInfo info) : IMarketSource
{
    public MarketSourceInfo Info { get; } = info;

    public IAsyncEnumerable<IReadOnlyList<MarketEvent>> DiscoverOpenEventsAsync(IProgress<DiscoveryProgress>? progress, CancellationToken cancellationToken) =>
        throw Refused();

    public IAsyncEnumerable<BookBatch> GetBooksAsync(IReadOnlyList<TokenId> tokens, IProgress<QuoteProgress>? progress, CancellationToken cancellationToken) =>
        throw Refused();

    public IAsyncEnumerable<BookBatch> GetBooksAsync(IAsyncEnumerable<IReadOnlyList<TokenId>> tokens, IProgress<QuoteProgress>? progress, CancellationToken cancellationToken) =>
        throw Refused();

    public Task<decimal?> GetFeeRateAsync(TokenId token, CancellationToken cancellationToken) => throw Refused();

    public Task<MarketLookup?> LookupMarketAsync(MarketId marketId, EventId eventId, ConditionId conditionId, CancellationToken cancellationToken) =>
        throw Refused();

    private InvalidOperationException Refused() =>
        new($"This command reads the data folder only and does not reach the {Info.Name} market (MarketUse.None).");
}
