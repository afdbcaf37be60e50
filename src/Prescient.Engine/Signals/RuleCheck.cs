namespace Prescient.Engine.Signals;

/// <summary>What the rule's checks found: the skip, or the quote to buy and the numbers a signal is built from.</summary>
internal readonly record struct RuleCheck(SkippedMarket? Skipped, RuleQuote? Buy, decimal YesPrice, decimal Watched, decimal Ask, decimal Limit);
