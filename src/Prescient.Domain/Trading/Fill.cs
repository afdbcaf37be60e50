namespace Prescient.Domain.Trading;

/// <summary>
/// The result of walking one side of a book: <see cref="Cost"/> = Σ level price × level shares
/// exactly; <see cref="AveragePrice"/> = cost / shares rounded to 6 places; fees in USDC; slippage
/// per share against the best price (≥ 0).
/// </summary>
public sealed record Fill(
    decimal Shares,
    decimal AveragePrice,
    decimal Cost,
    decimal Fees,
    decimal BestPrice,
    decimal Slippage,
    IReadOnlyList<FillLevel> Levels,
    DateTimeOffset? BookTimestamp);
