using Prescient.Domain.Values;

namespace Prescient.Domain.Trading;

/// <summary>
/// The result of walking one side of a book: <see cref="Cost"/> = Σ level price × level shares
/// exactly; <see cref="AveragePrice"/> = cost / shares rounded to 6 places; fees in USDC; slippage
/// in USDC per share against the best price (≥ 0).
/// </summary>
public sealed record Fill(
    Shares Shares,
    Price AveragePrice,
    Usdc Cost,
    Usdc Fees,
    Price BestPrice,
    Usdc Slippage,
    IReadOnlyList<FillLevel> Levels,
    DateTimeOffset? BookTimestamp);
