namespace Prescient.Engine.Signals;

/// <summary>
/// Which markets of an event the strategy considers, among those that accept orders and have a
/// book on both tokens. Ties go to the lowest market id. Written as snake_case (<c>highest_liquidity</c>, …).
/// </summary>
public enum MarketSelectionRule
{
    /// <summary>The most Gamma liquidity (USDC); the default.</summary>
    HighestLiquidity,

    /// <summary>The most lifetime volume (USDC).</summary>
    HighestVolume,

    /// <summary>The most volume over the last 24 hours (USDC).</summary>
    HighestVolume24h,

    /// <summary>The earliest end date.</summary>
    SoonestEnd,
}
