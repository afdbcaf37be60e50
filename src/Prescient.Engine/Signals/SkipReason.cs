namespace Prescient.Engine.Signals;

/// <summary>Why a considered market produced no signal. Written as snake_case codes (<c>spread_too_wide</c>, …).</summary>
public enum SkipReason
{
    /// <summary>Another market of the same event was selected.</summary>
    NotSelected,

    /// <summary>Closed, not accepting orders, order book disabled, or not a binary market with both tokens.</summary>
    NotTradeable,

    NoBook,

    /// <summary>No YES price from the configured source (e.g. no mid on a one-sided book).</summary>
    NoPrice,

    BelowThreshold,
    SpreadTooWide,
    PriceAboveMaximum,

    /// <summary>Less than the configured minimum depth (USDC) on the ask side within the limit price.</summary>
    BookTooThin,

    AlreadyHeld,

    /// <summary>The favourite strategy: neither token's best ask is within the configured price band.</summary>
    OutsideBand,
}
