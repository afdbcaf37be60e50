using Prescient.Domain.Positions;
using Prescient.Domain.Signals;
using Prescient.Engine.Extraction;

namespace Prescient.Engine.Signals;

/// <summary>
/// A built-in strategy's per-event frame and rule, for a caller that holds its markets' quotes as values
/// (a backtest step, <see cref="EventSelection.Select"/>): the same ranking and the same rule as
/// <see cref="IStrategy.Generate"/>, giving the same signals, without a quote object per market nor any skip
/// (the caller reports none). Optional: a strategy without it is asked through <see cref="IStrategy.Generate"/>.
/// </summary>
internal interface IRuleStrategy
{
    MarketSelectionRule Selection { get; }

    int MarketsPerEvent { get; }

    /// <summary>The stake of every signal the rule makes (USDC).</summary>
    decimal Stake { get; }

    /// <summary>
    /// The rule on one selected market: a signal or null. <paramref name="market"/> is the market's row as
    /// extracted; the rule reads of it only what a replay leaves as it is (ids, texts, tick size), the prices
    /// as of now coming from <paramref name="yes"/> and <paramref name="no"/>.
    /// </summary>
    Signal? Evaluate(MarketRow market, in RuleQuote yes, in RuleQuote no, Portfolio portfolio, DateTimeOffset now, DateOnly day);

    /// <summary>Whether <see cref="Evaluate"/> gives a signal on these quotes, with no signal built.</summary>
    bool Holds(MarketRow market, in RuleQuote yes, in RuleQuote no, Portfolio portfolio);
}

/// <summary>One market of an event that accepts orders and has a book on both tokens: its row, and its index in the caller's <see cref="IRuleQuotes"/>.</summary>
internal readonly record struct RuleCandidate(MarketRow Market, int Index);

/// <summary>Where a caller of <see cref="EventSelection.Select"/> keeps its candidates' quotes: read only for the markets selected.</summary>
internal interface IRuleQuotes
{
    (RuleQuote Yes, RuleQuote No) QuotesOf(int index);
}
