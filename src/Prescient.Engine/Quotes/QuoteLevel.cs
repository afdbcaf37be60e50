namespace Prescient.Engine.Quotes;

/// <summary>One book level as stored: price in [0, 1] USDC per share, size in shares.</summary>
public sealed record QuoteLevel(decimal Price, decimal Size);
