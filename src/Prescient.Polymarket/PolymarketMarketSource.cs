using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Prescient.Domain.Ids;
using Prescient.Domain.Markets;
using Prescient.Engine.Markets;
using Prescient.Polymarket.Clob;
using Prescient.Polymarket.Gamma;

namespace Prescient.Polymarket;

/// <summary>
/// <see cref="IMarketSource"/> over the Polymarket APIs, or any server speaking their formats:
/// events streamed page by page from Gamma keyset discovery, books streamed in batches from the CLOB,
/// base fees from the CLOB, single markets looked up on both. Labelled with <see cref="PolymarketOptions.Source"/>.
/// </summary>
public sealed partial class PolymarketMarketSource : IMarketSource
{
    private readonly GammaClient _gamma;
    private readonly ClobClient _clob;
    private readonly ILogger<PolymarketMarketSource> _logger;

    public PolymarketMarketSource(GammaClient gamma, ClobClient clob, IOptions<PolymarketOptions> options, ILogger<PolymarketMarketSource> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _gamma = gamma ?? throw new ArgumentNullException(nameof(gamma));
        _clob = clob ?? throw new ArgumentNullException(nameof(clob));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
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

    public IAsyncEnumerable<BookBatch> GetBooksAsync(
        IAsyncEnumerable<IReadOnlyList<TokenId>> tokens,
        IProgress<QuoteProgress>? progress,
        CancellationToken cancellationToken) =>
        _clob.GetBooksAsync(tokens, progress, cancellationToken);

    /// <summary>CLOB <c>GET /fee-rate</c>: the token's base fee in basis points, null on 404.</summary>
    public Task<decimal?> GetFeeRateAsync(TokenId token, CancellationToken cancellationToken) =>
        _clob.GetFeeRateAsync(token, cancellationToken);

    /// <summary>
    /// Gamma <c>/markets/{id}</c> (null when Gamma answers 404), then CLOB <c>/markets/{condition_id}</c>.
    /// A CLOB failure after retries is logged and leaves <see cref="MarketLookup.Clob"/> null, as does
    /// a CLOB 404; a Gamma failure throws <see cref="MarketDataUnavailableException"/>.
    /// </summary>
    public async Task<MarketLookup?> LookupMarketAsync(MarketId marketId, Domain.Ids.EventId eventId, ConditionId conditionId, CancellationToken cancellationToken)
    {
        var market = await _gamma.GetMarketAsync(marketId, eventId, cancellationToken).ConfigureAwait(false);
        if (market is null)
        {
            return null;
        }

        // Settlement only asks the CLOB to confirm a market Gamma reports closed: one request, not two, per open holding.
        if (!market.Closed)
        {
            return new MarketLookup(market, null);
        }

        ClobMarketView? clob = null;
        try
        {
            var info = await _clob.GetMarketAsync(conditionId, cancellationToken).ConfigureAwait(false);
            clob = info is null
                ? null
                : new ClobMarketView(info.ConditionId, info.Closed, info.AcceptingOrders, info.Tokens.Where(t => t.Winner).Select(t => t.TokenId).ToArray(), info.Is5050Outcome);
        }
        catch (MarketDataUnavailableException ex)
        {
            // The CLOB only confirms what Gamma says; settlement goes on with Gamma's outcome prices.
            LogClobLookupFailed(_logger, marketId.Value, conditionId.Value, ex.Message);
        }

        return new MarketLookup(market, clob);
    }

    [LoggerMessage(EventId = 1301, Level = LogLevel.Warning, Message = "CLOB lookup of market {MarketId} (condition {ConditionId}) failed; going on with Gamma's data alone: {Reason}")]
    private static partial void LogClobLookupFailed(ILogger logger, string marketId, string conditionId, string reason);
}
