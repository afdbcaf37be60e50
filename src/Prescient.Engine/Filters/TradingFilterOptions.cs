namespace Prescient.Engine.Filters;

/// <summary>
/// The trading filters applied to discovered events. Configuration section "Filters"; every
/// default below is the documented default.
/// </summary>
public sealed record TradingFilterOptions
{
    public const string SectionName = "Filters";

    /// <summary>Keep only events flagged active. Default true.</summary>
    public bool RequireActive { get; init; } = true;

    /// <summary>Drop closed events. Default true.</summary>
    public bool ExcludeClosed { get; init; } = true;

    /// <summary>Drop archived events. Default true.</summary>
    public bool ExcludeArchived { get; init; } = true;

    /// <summary>Keep only events with the CLOB order book enabled. Default true.</summary>
    public bool RequireOrderBook { get; init; } = true;

    /// <summary>Minimum event liquidity in USDC. Default 1,000.</summary>
    public decimal MinLiquidity { get; init; } = 1_000m;

    /// <summary>Minimum event volume in USDC. Default 10,000.</summary>
    public decimal MinVolume { get; init; } = 10_000m;

    /// <summary>The event must end at least this many days from now. Default 1.</summary>
    public double MinDaysToEnd { get; init; } = 1;

    /// <summary>The event must end at most this many days from now. Default 365.</summary>
    public double MaxDaysToEnd { get; init; } = 365;

    /// <summary>Keep only events with at least one open market accepting orders. Default true.</summary>
    public bool RequireAcceptingOrders { get; init; } = true;

    /// <summary>When not empty, keep only events carrying one of these tags (slug, label or id; case-insensitive). Default empty.</summary>
    public IReadOnlyList<string> IncludeTags { get; init; } = [];

    /// <summary>Drop events carrying any of these tags (slug, label or id; case-insensitive). Default empty.</summary>
    public IReadOnlyList<string> ExcludeTags { get; init; } = [];

    /// <summary>A one-line description of a value out of range, or null when the options are valid.</summary>
    public string? Validate()
    {
        if (MinLiquidity < 0m) return "Filters:MinLiquidity must be 0 or more (USDC).";
        if (MinVolume < 0m) return "Filters:MinVolume must be 0 or more (USDC).";
        if (double.IsNaN(MinDaysToEnd) || double.IsNaN(MaxDaysToEnd) || MinDaysToEnd > MaxDaysToEnd)
        {
            return "Filters:MinDaysToEnd must be a number no greater than Filters:MaxDaysToEnd.";
        }

        return null;
    }
}
