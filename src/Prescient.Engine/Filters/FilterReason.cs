namespace Prescient.Engine.Filters;

/// <summary>Why an event was kept or dropped by the trading filters.</summary>
public enum FilterReason
{
    Kept,
    NotActive,
    Closed,
    Archived,
    OrderBookDisabled,
    LowLiquidity,
    LowVolume,
    NoEndDate,
    EndsTooSoon,
    EndsTooLate,
    NoMarketAcceptingOrders,
    MissingIncludedTag,
    ExcludedTag,
}
