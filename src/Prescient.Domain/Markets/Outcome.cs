using Prescient.Domain.Ids;

namespace Prescient.Domain.Markets;

/// <summary>One outcome of a market: its name, its CLOB token (when known) and Gamma's displayed price in [0, 1].</summary>
public sealed record Outcome(string Name, TokenId? TokenId, decimal? Price);
