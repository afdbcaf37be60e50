using Prescient.Storage.Files.Markets;

namespace Prescient.Storage.Files.MarketHistory;

/// <summary>The shape of <c>markets/daily_prices_YYYY-MM-DD.json</c> when read back.</summary>
internal sealed record DailyPricesEnvelope(
    DateOnly Date,
    DateTimeOffset GeneratedAt,
    string Source,
    bool Simulated,
    int Count,
    IReadOnlyList<DailyPrice> Prices);
