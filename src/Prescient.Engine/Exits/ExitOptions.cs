namespace Prescient.Engine.Exits;

/// <summary>
/// When a held position is sold before it settles. Configuration section "Exits"; every rule is off
/// (null) by default, so positions are held until their market resolves (buy and hold). Prices are
/// the held token's best bid in [0, 1] USDC per share; the entry is the position's average entry
/// price (cost / shares, fees excluded).
/// </summary>
public sealed record ExitOptions
{
    public const string SectionName = "Exits";

    /// <summary>
    /// Take profit: sell when the best bid is at or above entry × (1 + this), a fraction above the
    /// entry (0.20 = 20 % up), more than 0. Relative, so one setting fits a 0.30 and a 0.90 entry; a
    /// target past 1 never triggers. Default null (off).
    /// </summary>
    public decimal? TakeProfit { get; init; }

    /// <summary>Stop loss: sell when the best bid is at or below entry × (1 − this), a fraction below the entry in (0, 1) (0.30 = 30 % down). Default null (off).</summary>
    public decimal? StopLoss { get; init; }

    /// <summary>Exit before resolution: sell when the market's end date is this many hours away or less (more than 0; 24 = the last day). Default null (off).</summary>
    public decimal? HoursBeforeEnd { get; init; }

    /// <summary>True when any rule is on.</summary>
    public bool Enabled => TakeProfit is not null || StopLoss is not null || HoursBeforeEnd is not null;

    /// <summary>A one-line description of a value out of range, or null when the options are valid.</summary>
    public string? Validate()
    {
        if (TakeProfit is <= 0m) return "Exits:TakeProfit must be more than 0 (a fraction above the entry price, 0.20 = 20 %), or empty for off.";
        if (StopLoss is <= 0m or >= 1m) return "Exits:StopLoss must be more than 0 and less than 1 (a fraction below the entry price, 0.30 = 30 %), or empty for off.";
        if (HoursBeforeEnd is <= 0m) return "Exits:HoursBeforeEnd must be more than 0 (hours before the market's end date), or empty for off.";
        return null;
    }
}
