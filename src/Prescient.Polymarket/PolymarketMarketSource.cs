using Microsoft.Extensions.Options;
using Prescient.Domain.Ids;
using Prescient.Domain.Markets;
using Prescient.Engine.Markets;
using Prescient.Polymarket.Clob;
using Prescient.Polymarket.Gamma;

namespace Prescient.Polymarket;

/// <summary>
/// <see cref="IMarketSource"/> over the Polymarket APIs, or any server speaking their formats:
/// events streamed page by page from Gamma keyset discovery, books streamed in batches from the CLOB. Labelled with
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

    public IAsyncEnumerable<IReadOnlyList<MarketEvent>> DiscoverOpenEventsAsync(
        IProgress<DiscoveryProgress>? progress,
        CancellationToken cancellationToken) =>
        _gamma.GetOpenEventsAsync(progress, cancellationToken);

    public IAsyncEnumerable<BookBatch> GetBooksAsync(
        IReadOnlyList<TokenId> tokens,
        IProgress<QuoteProgress>? progress,
        CancellationToken cancellationToken) =>
        _clob.GetBooksAsync(tokens, progress, cancellationToken);
}
