using Prescient.Domain.Books;
using Prescient.Domain.Ids;
using Prescient.Domain.Markets;
using Prescient.Engine.Markets;

namespace Prescient.Testing.Fakes;

/// <summary>An in-memory market source: set <see cref="Events"/> and <see cref="Books"/>, or make it fail.</summary>
public sealed class FakeMarketSource(MarketSourceInfo? info = null) : IMarketSource
{
    public MarketSourceInfo Info { get; } = info ?? MarketSourceInfo.Sample;

    public List<MarketEvent> Events { get; } = [];

    public Dictionary<TokenId, OrderBook> Books { get; } = [];

    public Exception? Failure { get; set; }

    public List<IReadOnlyCollection<TokenId>> BookRequests { get; } = [];

    public Task<IReadOnlyList<MarketEvent>> DiscoverOpenEventsAsync(IProgress<DiscoveryProgress>? progress, CancellationToken cancellationToken)
    {
        if (Failure is not null) throw Failure;
        progress?.Report(new DiscoveryProgress(1, Events.Count));
        return Task.FromResult<IReadOnlyList<MarketEvent>>(Events.ToArray());
    }

    public Task<IReadOnlyDictionary<TokenId, OrderBook>> GetBooksAsync(IReadOnlyCollection<TokenId> tokens, IProgress<QuoteProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        if (Failure is not null) throw Failure;
        BookRequests.Add(tokens);
        IReadOnlyDictionary<TokenId, OrderBook> found = tokens
            .Where(Books.ContainsKey)
            .ToDictionary(t => t, t => Books[t]);
        progress?.Report(new QuoteProgress(tokens.Count, tokens.Count));
        return Task.FromResult(found);
    }
}
