namespace Prescient.Engine.MarketHistory;

/// <summary>How <c>history fetch</c> downloads (configuration section <c>History</c>).</summary>
public sealed record HistoryFetchOptions
{
    public const string SectionName = "History";

    /// <summary>Spacing of the points asked for, in minutes, when the command gives none. Default 60 (hourly).</summary>
    public int FidelityMinutes { get; init; } = 60;

    /// <summary>
    /// Longest span one <c>/prices-history</c> request covers; a month takes several. Upstream refuses
    /// long ranges at fine fidelity, and others page it by 15 days. Between 1 hour and 31 days. Default 15 days.
    /// </summary>
    public TimeSpan RequestSpan { get; init; } = TimeSpan.FromDays(15);

    /// <summary>Tokens fetched at once (the client's rate limiter still caps the request rate). 1 to 64. Default 4.</summary>
    public int Concurrency { get; init; } = 4;

    /// <summary>
    /// How long after a month's end a fetch must run for the month to count as complete (upstream
    /// publishes points with a lag). 0 to 1 day. Default 1 hour.
    /// </summary>
    public TimeSpan SettleTime { get; init; } = TimeSpan.FromHours(1);

    /// <summary>A one-line description of the first invalid value, or null.</summary>
    public string? Validate() =>
        FidelityMinutes is < 1 or > 525_600 ? $"History:FidelityMinutes must be between 1 and 525600 (got {FidelityMinutes})."
        : RequestSpan < TimeSpan.FromHours(1) || RequestSpan > TimeSpan.FromDays(31) ? $"History:RequestSpan must be between 1 hour and 31 days (got {RequestSpan})."
        : Concurrency is < 1 or > 64 ? $"History:Concurrency must be between 1 and 64 (got {Concurrency})."
        : SettleTime < TimeSpan.Zero || SettleTime > TimeSpan.FromDays(1) ? $"History:SettleTime must be between 0 and 1 day (got {SettleTime})."
        : null;
}
