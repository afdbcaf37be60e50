using Prescient.Domain.Ids;

namespace Prescient.Engine.MarketHistory;

/// <summary>
/// One token's prices for one UTC month, as the price-history cache stores them: points in the month,
/// oldest first, times strictly increasing, prices in [0, 1]. <see cref="Complete"/> when it was fetched
/// after the month ended (it will not change, so it is never fetched again); the current month is not.
/// <see cref="Simulated"/> when it came from the sample market.
/// </summary>
public sealed record PriceMonth(
    TokenId Token,
    HistoryMonth Month,
    int FidelityMinutes,
    DateTimeOffset FetchedAt,
    bool Complete,
    bool Simulated,
    HistoryPoint[] Points);
