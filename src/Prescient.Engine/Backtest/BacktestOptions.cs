using System.Globalization;

namespace Prescient.Engine.Backtest;

/// <summary>
/// Settings of <c>prescient backtest</c> (section <c>Backtest</c>) and of the synthetic book model
/// that fills it where only prices were recorded. Prices and spreads in USDC per share, depth in shares.
/// </summary>
public sealed record BacktestOptions
{
    public const string SectionName = "Backtest";

    /// <summary>Time between two decisions of the simulated clock: 1 hour or 1 day (or anything between 1 minute and 1 day).</summary>
    public TimeSpan Step { get; init; } = TimeSpan.FromDays(1);

    /// <summary>A token whose latest point is older than this has no quote (as a market with no book).</summary>
    public TimeSpan MaxPriceAge { get; init; } = TimeSpan.FromDays(1);

    /// <summary>Distance from the price to the best bid and to the best ask before rounding to the tick (USDC; recorded books: median 0.005–0.011).</summary>
    public decimal HalfSpread { get; init; } = 0.01m;

    /// <summary>Shares on each level of the synthetic book (recorded books: lower quartile of the top 5 levels 121–2,044 shares).</summary>
    public decimal LevelShares { get; init; } = 250m;

    /// <summary>Levels on each side, one tick apart.</summary>
    public int Levels { get; init; } = 5;

    /// <summary>Null when valid, else what is wrong and the valid range.</summary>
    public string? Validate()
    {
        if (Step < TimeSpan.FromMinutes(1) || Step > TimeSpan.FromDays(1) || TimeSpan.FromDays(1).Ticks % Step.Ticks != 0)
        {
            return $"Backtest:Step must divide a day, between 1 minute and 1 day (was {Step}).";
        }

        if (MaxPriceAge <= TimeSpan.Zero)
        {
            return $"Backtest:MaxPriceAge must be positive (was {MaxPriceAge}).";
        }

        if (HalfSpread is < 0m or > 0.5m)
        {
            return $"Backtest:HalfSpread must be in [0, 0.5] USDC (was {HalfSpread.ToString(CultureInfo.InvariantCulture)}).";
        }

        if (LevelShares <= 0m)
        {
            return $"Backtest:LevelShares must be positive (was {LevelShares.ToString(CultureInfo.InvariantCulture)}).";
        }

        return Levels is < 1 or > 100 ? $"Backtest:Levels must be 1–100 (was {Levels})." : null;
    }
}
