namespace Prescient.Domain.Trading;

/// <summary>Why a signal was not filled. Written as snake_case codes (<c>stale_book</c>, …).</summary>
public enum RejectionReason
{
    /// <summary>This signal id is already in the ledger.</summary>
    AlreadyExecuted,

    /// <summary>The market is not among the extracted markets nor found upstream.</summary>
    MarketNotFound,

    MarketClosed,
    NotAcceptingOrders,

    /// <summary>The exchange has no book for the token.</summary>
    NoBook,

    /// <summary>The book is older than the configured maximum age.</summary>
    StaleBook,

    /// <summary>The best ask is above the signal's limit price.</summary>
    PriceAboveMaximum,

    /// <summary>What the book offers within the limit is less than the minimum order size.</summary>
    BelowMinimumOrderSize,

    InsufficientCash,

    /// <summary>The trade would take cash below the configured reserve.</summary>
    CashReserve,

    PositionAlreadyOpen,
    EventExposureLimit,
    TotalExposureLimit,

    /// <summary>A sell: the best bid is below the lowest price the seller accepts.</summary>
    PriceBelowMinimum,

    /// <summary>The market charges fees, has no fee schedule, and the CLOB base fee could not be had.</summary>
    FeeUnknown,

    /// <summary>At execution the strategy's rule no longer holds on the fresh books, or the best ask is past the signal's ask + the maximum slippage.</summary>
    PriceMoved,

    /// <summary>The signal is older than the configured maximum signal age.</summary>
    SignalStale,

    /// <summary>What the book holds within the limit fills less than the configured fraction of the stake.</summary>
    InsufficientDepth,

    /// <summary>A book's best bid is at or above its best ask.</summary>
    CrossedBook,

    /// <summary>The token's book disagrees with the other token's (NO ask ≠ 1 − YES bid, and so on) by more than the configured gap.</summary>
    ComplementMismatch,

    /// <summary>The top of the book is further from Gamma's best bid/ask of the same refresh than the configured gap.</summary>
    QuoteMismatch,

    /// <summary>An exit rule sold the market's position today: it is not bought back the same day.</summary>
    ExitedToday,
}
