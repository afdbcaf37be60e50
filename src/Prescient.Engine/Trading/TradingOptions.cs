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

    /// <summary>A one-line description of a value out of range, or null when the options are valid.</summary>
    public string? Validate()
    {
        if (InitialCash < 0m) return "Trading:InitialCash must be 0 or more (USDC).";
        if (MaxBookAge <= TimeSpan.Zero) return "Trading:MaxBookAge must be a positive time span (e.g. 00:05:00).";
        if (CashReserve < 0m) return "Trading:CashReserve must be 0 or more (USDC).";
        if (MaxExposurePerEvent <= 0m) return "Trading:MaxExposurePerEvent must be more than 0 (USDC).";
        if (MaxTotalExposure <= 0m) return "Trading:MaxTotalExposure must be more than 0 (USDC).";
        return null;
    }
}
