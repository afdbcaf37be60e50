using Prescient.Domain.Ids;

namespace Prescient.Engine.MarketHistory;

/// <summary>
/// What to download: the UTC days <see cref="From"/> to <see cref="To"/> (inclusive), widened to whole
/// months (the cache's unit); <see cref="Tokens"/>, or null for both tokens of every market of the
/// last refresh; <see cref="FidelityMinutes"/>, or null for the configured default; <see cref="Force"/>
/// to fetch complete months again.
/// </summary>
public sealed record HistoryFetchRequest(DateOnly From, DateOnly To)
{
    public IReadOnlyList<TokenId>? Tokens { get; init; }

    public int? FidelityMinutes { get; init; }

    public bool Force { get; init; }
}

/// <summary>Fetching so far: tokens finished (fetched, reused or failed) out of the total.</summary>
public readonly record struct HistoryFetchProgress(int TokensDone, int TokensTotal, int MonthsFetched, int MonthsReused, int TokensFailed);

/// <summary>A token skipped because its history could not be had or parsed, and why.</summary>
public sealed record HistoryFailure(TokenId Token, string Reason);

/// <summary>Where the tokens of a fetch came from.</summary>
public enum HistoryTokenSource
{
    /// <summary>Given on the command line.</summary>
    Given,

    /// <summary>The markets of the last refresh (<c>events/filtered_markets.json</c>).</summary>
    LastRefresh,

    /// <summary>A refresh run by the fetch, because there was none (or one from another source).</summary>
    NewRefresh,
}
