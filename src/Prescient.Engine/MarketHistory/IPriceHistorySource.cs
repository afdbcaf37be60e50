using Prescient.Domain.Ids;
using Prescient.Engine.Markets;

namespace Prescient.Engine.MarketHistory;

/// <summary>
/// Where price history is downloaded from: the CLOB's <c>/prices-history</c>, or the sample market's
/// copy of it. Implementations go through the client's retries and rate limits.
/// </summary>
public interface IPriceHistorySource
{
    MarketSourceInfo Info { get; }

    /// <summary>
    /// The points of <paramref name="token"/> between <paramref name="from"/> and <paramref name="to"/>
    /// (both inclusive, as upstream), <paramref name="fidelityMinutes"/> apart, oldest first; empty when the
    /// exchange has none (unknown token, or a resolved market below 720 minutes). Throws
    /// <see cref="MarketDataUnavailableException"/> when it cannot be had: with
    /// <see cref="MarketDataUnavailableException.SourceReached"/> true when the server answered with
    /// something unusable (that token's failure), false when it could not be reached at all.
    /// </summary>
    Task<HistoryPoint[]> GetAsync(TokenId token, DateTimeOffset from, DateTimeOffset to, int fidelityMinutes, CancellationToken cancellationToken);
}
