namespace Prescient.Engine.Quotes;

/// <summary>
/// One book level as stored: price in [0, 1] USDC per share, size in shares. A value, not an
/// object: a refresh stores a few hundred thousand of them.
/// </summary>
public readonly record struct QuoteLevel(decimal Price, decimal Size);
