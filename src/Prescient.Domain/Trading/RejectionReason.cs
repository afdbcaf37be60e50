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
}
