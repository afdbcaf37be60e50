namespace Prescient.Polymarket.Clob;

/// <summary>One point of a CLOB price history: a UTC time and a price in [0, 1] USDC per share.</summary>
public sealed record PricePoint(DateTimeOffset Time, decimal Price);
