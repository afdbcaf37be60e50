using Prescient.Domain.Ids;

namespace Prescient.Engine.MarketHistory;

/// <summary>
/// The on-disk cache <c>history fetch</c> fills: one file per token per month, each replaced whole.
/// A file that is truncated, corrupt or not the token-month its name says is reported damaged, never
/// trusted.
/// </summary>
public interface IPriceHistoryCache
{
    /// <summary>Where the cache is (a folder), for messages.</summary>
    string Location { get; }

    /// <summary>What is stored for the token-month, checked whole (length, checksum, order, range).</summary>
    Task<CachedMonth> InspectAsync(TokenId token, HistoryMonth month, CancellationToken cancellationToken);

    /// <summary>Replaces the token-month atomically: readers see the old file or the new one.</summary>
    Task WriteAsync(PriceMonth month, CancellationToken cancellationToken);

    /// <summary>Deletes temporary files an interrupted write left (call holding the data folder lock, before writing); returns how many.</summary>
    int RemoveLeftovers();
}

/// <summary>Whether a token-month is on disk.</summary>
public enum CachedMonthState
{
    Missing,
    Stored,
    Damaged,
}

/// <summary>
/// A token-month as found: <see cref="Complete"/>, <see cref="Simulated"/> and <see cref="FidelityMinutes"/>
/// are those of a <see cref="CachedMonthState.Stored"/> file; <see cref="Problem"/> says what is wrong with a damaged one.
/// </summary>
public readonly record struct CachedMonth(CachedMonthState State, bool Complete, bool Simulated, int FidelityMinutes, string? Problem)
{
    public static CachedMonth Missing => new(CachedMonthState.Missing, false, false, 0, null);

    public static CachedMonth Damaged(string problem) => new(CachedMonthState.Damaged, false, false, 0, problem);

    public static CachedMonth Stored(bool complete, bool simulated, int fidelityMinutes) => new(CachedMonthState.Stored, complete, simulated, fidelityMinutes, null);
}
