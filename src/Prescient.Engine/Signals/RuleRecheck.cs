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
        Signal signal, Market market, OrderBook yes, OrderBook no, Portfolio portfolio, Func<Market, TokenQuote, TokenQuote, Portfolio, RuleCheck> check, string describe)
    {
        ArgumentNullException.ThrowIfNull(signal);
        ArgumentNullException.ThrowIfNull(market);
        ArgumentNullException.ThrowIfNull(yes);
        ArgumentNullException.ThrowIfNull(no);
        ArgumentNullException.ThrowIfNull(portfolio);
        ArgumentNullException.ThrowIfNull(check);
        var yesQuote = TokenQuote.From(market, yes.TokenId, market.Outcomes.ElementAtOrDefault(0)?.Name ?? "Yes", yes);
        var noQuote = TokenQuote.From(market, no.TokenId, market.Outcomes.ElementAtOrDefault(1)?.Name ?? "No", no);
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
