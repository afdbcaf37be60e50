namespace Prescient.Polymarket.Feed;

/// <summary>One level of a local book: price in [0, 1] USDC per share, size in shares (the total resting at that price).</summary>
public readonly record struct PriceLevel(decimal Price, decimal Size);
