namespace Prescient.Engine.Intraday;

/// <summary>
/// The live feed's intraday mode: the strategy evaluated again on the live books of a watched market
/// as its prices move, between the 09:00 and 18:00 runs. Configuration section "Intraday"; off by
/// default, so trades happen only in the runs unless a user asks for more.
/// </summary>
public sealed record IntradayOptions
{
    public const string SectionName = "Intraday";

    /// <summary>Evaluate the strategy on price changes (only where a live feed runs: <c>prescient serve</c>). Default false.</summary>
    public bool Enabled { get; init; }

    /// <summary>
    /// The least time between two evaluations of one market: a market whose book changed within this
    /// span of its last evaluation waits for the rest of it, and is then evaluated on its books of that
    /// moment. Default 30 seconds.
    /// </summary>
    public TimeSpan MinInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>A one-line description of a value out of range, or null when the options are valid.</summary>
    public string? Validate() =>
        MinInterval < TimeSpan.FromMilliseconds(100) || MinInterval > TimeSpan.FromDays(1)
            ? "Intraday:MinInterval must be between 00:00:00.1 and 1.00:00:00 (the least time between two evaluations of one market)."
            : null;
}
