using Prescient.Domain.Ids;
using Prescient.Domain.Positions;
using Prescient.Engine.Extraction;
using Prescient.Engine.Quotes;

namespace Prescient.Engine.Signals;

/// <summary>What a strategy sees: the extracted markets, a quote per token (missing when not quoted), the portfolio, and now (UTC).</summary>
public sealed record StrategyContext(
    IReadOnlyList<MarketRow> Markets,
    IReadOnlyDictionary<TokenId, TokenQuote> Quotes,
    Portfolio Portfolio,
    DateTimeOffset Now);
