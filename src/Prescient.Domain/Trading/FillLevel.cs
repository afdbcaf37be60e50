using Prescient.Domain.Values;

namespace Prescient.Domain.Trading;

/// <summary>Shares taken at one book level, at that level's price (USDC per share).</summary>
public readonly record struct FillLevel(Price Price, Shares Shares);
