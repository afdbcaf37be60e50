using Prescient.Domain.Books;
using Prescient.Domain.Markets;
using Prescient.Domain.Positions;
using Prescient.Domain.Signals;

namespace Prescient.Engine.Signals;

/// <summary>
/// Turns markets, quotes, the portfolio and the clock into signals. Pure: the same context gives the
/// same result, so a day can be re-run and replayed.
/// </summary>
public interface IStrategy
{
    /// <summary>Short name written into signals and files ("threshold").</summary>
    string Name { get; }

    /// <summary>The settings in force, as invariant-culture text, for the signals file.</summary>
    IReadOnlyDictionary<string, string> Settings { get; }

    StrategyResult Generate(StrategyContext context);

    /// <summary>
    /// At execution: evaluates again, on the books fetched now, the rule that made
    /// <paramref name="signal"/> (same code as <see cref="Generate"/>, so signal time and execution
    /// time cannot disagree). Null when the rule still holds and would buy the same token; otherwise
    /// the market as the strategy would skip it now, with its reason and numbers. Pure.
    /// </summary>
    /// <param name="market">The signal's market as last extracted.</param>
    /// <param name="yes">The book of the market's YES token, fetched now.</param>
    /// <param name="no">The book of the market's NO token, fetched now.</param>
    SkippedMarket? Recheck(Signal signal, Market market, OrderBook yes, OrderBook no, Portfolio portfolio, DateTimeOffset now);
}
