using Microsoft.Extensions.Options;
using Prescient.Domain.Ids;
using Prescient.Engine.MarketHistory;
using Prescient.Engine.Markets;

namespace Prescient.Polymarket.Clob;

/// <summary>
/// <see cref="IPriceHistorySource"/> over <see cref="ClobClient.GetPriceHistoryAsync"/>: a
/// <c>startTs</c>/<c>endTs</c> range at the given fidelity, through the client's resilience pipeline and
/// its <c>/prices-history</c> rate limit (<see cref="PolymarketOptions.ClobPriceHistoryRateLimit"/>).
/// </summary>
public sealed class ClobPriceHistorySource(ClobClient clob, IOptions<PolymarketOptions> options) : IPriceHistorySource
{
    public MarketSourceInfo Info { get; } = options.Value.Source;

    public async Task<HistoryPoint[]> GetAsync(TokenId token, DateTimeOffset from, DateTimeOffset to, int fidelityMinutes, CancellationToken cancellationToken)
    {
        var points = await clob.GetPriceHistoryAsync(token, PriceHistoryQuery.ForRange(from, to, fidelityMinutes), cancellationToken)
            .ConfigureAwait(false);
        var result = new HistoryPoint[points.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = HistoryPoint.At(points[i].Time, points[i].Price);
        }

        return result;
    }
}
