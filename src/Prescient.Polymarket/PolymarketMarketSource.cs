using Microsoft.Extensions.Options;
using Prescient.Domain.Books;
using Prescient.Domain.Ids;
using Prescient.Domain.Markets;
using Prescient.Engine.Markets;
using Prescient.Polymarket.Clob;
using Prescient.Polymarket.Gamma;

namespace Prescient.Polymarket;

/// <summary>
/// <see cref="IMarketSource"/> over the Polymarket APIs, or any server speaking their formats:
/// events from Gamma keyset discovery, books from the CLOB in batches. Labelled with
/// <see cref="PolymarketOptions.Source"/>.
/// </summary>
public sealed class PolymarketMarketSource : IMarketSource
{
    private readonly GammaClient _gamma;
    private readonly ClobClient _clob;

    public PolymarketMarketSource(GammaClient gamma, ClobClient clob, IOptions<PolymarketOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _gamma = gamma ?? throw new ArgumentNullException(nameof(gamma));
        _clob = clob ?? throw new ArgumentNullException(nameof(clob));
        Info = options.Value.Source;
    }

    public MarketSourceInfo Info { get; }

    public Task<IReadOnlyList<MarketEvent>> DiscoverOpenEventsAsync(
        IProgress<DiscoveryProgress>? progress,
        CancellationToken cancellationToken) =>
        _gamma.GetOpenEventsAsync(progress, cancellationToken);

    public Task<IReadOnlyDictionary<TokenId, OrderBook>> GetBooksAsync(
        IReadOnlyCollection<TokenId> tokens,
        IProgress<QuoteProgress>? progress,
        CancellationToken cancellationToken) =>
        _clob.GetBooksAsync(tokens, progress, cancellationToken);
}
