namespace Prescient.Engine.Trading;

/// <summary>
/// The paper account and its risk limits. Configuration section "Trading"; every default below is
/// the documented default. Amounts in USDC.
/// </summary>
public sealed record TradingOptions
{
    public const string SectionName = "Trading";

    /// <summary>Cash the portfolio starts with. Default 10,000.</summary>
    public decimal InitialCash { get; init; } = 10_000m;

    /// <summary>A book older than this (by its exchange timestamp) is stale and not traded against. Default 5 minutes.</summary>
    public TimeSpan MaxBookAge { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Cash that trades may not spend. Default 500.</summary>
    public decimal CashReserve { get; init; } = 500m;

    /// <summary>Most cost basis held across the markets of one event. Default 500.</summary>
    public decimal MaxExposurePerEvent { get; init; } = 500m;

    /// <summary>Most cost basis held in total. Default 8,000.</summary>
    public decimal MaxTotalExposure { get; init; } = 8_000m;

    /// <summary>
    /// How far above the ask the signal saw (its <c>price</c>) a fill may walk, in USDC per share: the
    /// walk stops at signal price + this, rounded down to the tick, and never past the signal's limit
    /// price. Default 0.02.
    /// </summary>
    public decimal MaxSlippage { get; init; } = 0.02m;

    /// <summary>A signal older than this at execution is not filled (<c>signal_stale</c>). Default 6 hours.</summary>
    public TimeSpan MaxSignalAge { get; init; } = TimeSpan.FromHours(6);

    /// <summary>
    /// The least share of the stake allowed (the signal's stake capped by cash − reserve) a fill must
    /// spend, fees included, in (0, 1]; a thinner fill is not made (<c>insufficient_depth</c>). Default 0.5.
    /// </summary>
    public decimal MinFillFraction { get; init; } = 0.5m;

    /// <summary>
    /// The most the token's best ask may differ from 1 − the other token's best bid (and its best bid
    /// from 1 − the other's best ask), in USDC per share; the two books of a binary market mirror each
    /// other. Default 0.02.
    /// </summary>
    public decimal MaxComplementGap { get; init; } = 0.02m;

    /// <summary>
    /// The most the top of the token's book may differ from Gamma's <c>bestBid</c>/<c>bestAsk</c> of the
    /// same refresh (mirrored for the NO token), in USDC per share. Gamma is cached for up to 5 minutes
    /// and the refresh may be hours old; the largest moves in the recorded price histories are 0.045
    /// within 5 minutes and 0.085 within 6 hours (<see cref="MaxSignalAge"/>), while a ghost 0.01/0.99
    /// book is at least 0.49 from the real market on one side, whatever its price. Default 0.10.
    /// </summary>
    public decimal MaxQuoteGap { get; init; } = 0.10m;

    /// <summary>A one-line description of a value out of range, or null when the options are valid.</summary>
    public string? Validate()
    {
        if (InitialCash < 0m) return "Trading:InitialCash must be 0 or more (USDC).";
        if (MaxBookAge <= TimeSpan.Zero) return "Trading:MaxBookAge must be a positive time span (e.g. 00:05:00).";
        if (CashReserve < 0m) return "Trading:CashReserve must be 0 or more (USDC).";
        if (MaxExposurePerEvent <= 0m) return "Trading:MaxExposurePerEvent must be more than 0 (USDC).";
        if (MaxTotalExposure <= 0m) return "Trading:MaxTotalExposure must be more than 0 (USDC).";
        if (MaxSlippage is < 0m or > 1m) return "Trading:MaxSlippage must be between 0 and 1 (USDC per share).";
        if (MaxSignalAge <= TimeSpan.Zero) return "Trading:MaxSignalAge must be a positive time span (e.g. 06:00:00).";
        if (MinFillFraction is <= 0m or > 1m) return "Trading:MinFillFraction must be more than 0 and at most 1 (a share of the stake).";
        if (MaxComplementGap is < 0m or > 1m) return "Trading:MaxComplementGap must be between 0 and 1 (USDC per share).";
        if (MaxQuoteGap is < 0m or > 1m) return "Trading:MaxQuoteGap must be between 0 and 1 (USDC per share).";
        return null;
    }
}
