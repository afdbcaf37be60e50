using Prescient.Engine.Storage;

namespace Prescient.Engine.Sweeps;

/// <summary>The last refresh's markets and kept events, read once and shared by every backtest of a sweep; writing through it is a bug.</summary>
public sealed class FrozenMarketData : IMarketDataStore
{
    private readonly MarketsSnapshot? _markets;
    private readonly StoredFilteredEvents? _events;

    private FrozenMarketData(MarketsSnapshot? markets, StoredFilteredEvents? events)
    {
        _markets = markets;
        _events = events;
    }

    public static async Task<FrozenMarketData> LoadAsync(IMarketDataStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var markets = await store.ReadMarketsAsync(cancellationToken).ConfigureAwait(false);
        var events = await store.ReadFilteredEventsAsync(cancellationToken).ConfigureAwait(false);
        return new FrozenMarketData(markets, events);
    }

    public Task<MarketsSnapshot?> ReadMarketsAsync(CancellationToken cancellationToken) => Task.FromResult(_markets);

    public Task<StoredFilteredEvents?> ReadFilteredEventsAsync(CancellationToken cancellationToken) => Task.FromResult(_events);

    public Task<QuotesSnapshot?> ReadQuotesAsync(CancellationToken cancellationToken) => throw ReadOnly();

    public Task<IEventsWriter> BeginEventsAsync(EventsRun run, CancellationToken cancellationToken) => throw ReadOnly();

    public Task<IQuotesWriter> BeginQuotesAsync(QuotesRun run, CancellationToken cancellationToken) => throw ReadOnly();

    public Task<string?> WriteDailyPricesAsync(QuotesSnapshot quotes, CancellationToken cancellationToken) => throw ReadOnly();

    private static NotSupportedException ReadOnly() => new("A sweep's market data is a read-only snapshot of the last refresh.");
}
