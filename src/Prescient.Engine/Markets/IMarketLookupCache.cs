using Prescient.Domain.Ids;

namespace Prescient.Engine.Markets;

/// <summary>
/// Market lookups shared between processes (Redis, with the scale-out setup): when a cycle's signals are
/// executed in parts by several workers, every part runs the settlement pass over the held markets, and
/// the first pass's answers serve the others instead of asking Gamma and the CLOB again for each held
/// market. An entry lives no longer than <see cref="Trading.TradingOptions.MaxBookAge"/>. A stale answer can
/// only delay a settlement to the next pass, never make a wrong one: a resolution, once given, is final.
/// </summary>
public interface IMarketLookupCache
{
    /// <summary>The cached lookup of <paramref name="market"/>, or null when none is cached (or it expired).</summary>
    Task<MarketLookup?> GetAsync(MarketId market, CancellationToken cancellationToken);

    Task StoreAsync(MarketId market, MarketLookup lookup, CancellationToken cancellationToken);
}
