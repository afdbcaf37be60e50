using Prescient.Domain.Books;
using Prescient.Domain.Markets;
using Prescient.Domain.Positions;
using Prescient.Domain.Signals;
using Prescient.Engine.Quotes;

namespace Prescient.Engine.Signals;

/// <summary>
/// The recheck the built-in strategies share (<see cref="IStrategy.Recheck"/>): the strategy's rule again,
/// on quotes made from the fresh books exactly as the refresh makes them (<see cref="TokenQuote.From"/>);
/// null when it still buys the signal's token, else the market as the rule would skip it now. The
/// market's selection among its event is not re-run (the other markets' books are not fetched).
/// </summary>
internal static class RuleRecheck
{
    /// <param name="check">The strategy's rule on the market and its two fresh quotes.</param>
    /// <param name="describe">How the rule names what it buys, for the detail ("" for nothing more than the token).</param>
    public static SkippedMarket? Run(
        Signal signal, Market market, OrderBook yes, OrderBook no, Portfolio portfolio, RuleChecker check, string describe)
    {
        ArgumentNullException.ThrowIfNull(signal);
        ArgumentNullException.ThrowIfNull(market);
        ArgumentNullException.ThrowIfNull(yes);
        ArgumentNullException.ThrowIfNull(no);
        ArgumentNullException.ThrowIfNull(portfolio);
        ArgumentNullException.ThrowIfNull(check);
        // What the rule reads of TokenQuote.From(market, book.TokenId, outcome, book), without the quotes.
        var yesQuote = RuleQuote.From(market, yes, market.Outcomes.ElementAtOrDefault(0)?.Name ?? "Yes");
        var noQuote = RuleQuote.From(market, no, market.Outcomes.ElementAtOrDefault(1)?.Name ?? "No");
        var result = check(market, yesQuote, noQuote, portfolio);
        if (result.Skipped is { } skip)
        {
            return skip;
        }

        var buy = result.Buy!.Value.TokenId;
        return buy == signal.TokenId
            ? null
            : new SkippedMarket(market.EventId, market.Id, market.Question, SkipReason.NotSelected, $"the rule now buys token {buy}{describe}, not the signal's token {signal.TokenId}");
    }
}

/// <summary>A built-in rule's checks on one market and the values of its two quotes.</summary>
internal delegate RuleCheck RuleChecker(Market market, in RuleQuote yes, in RuleQuote no, Portfolio portfolio);
