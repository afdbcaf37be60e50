namespace Prescient.Sample.Server;

/// <summary>What a sorted listing orders events by.</summary>
internal enum SortField
{
    Id,
    StartDate,
    EndDate,
    Volume,
    Volume24hr,
    Liquidity,
}
