using System.Globalization;
using Microsoft.Extensions.Options;
using Prescient.Domain.Books;
using Prescient.Domain.Markets;
using Prescient.Domain.Positions;
using Prescient.Domain.Signals;
using Prescient.Engine.Quotes;
using static Prescient.Engine.Signals.StrategyText;

namespace Prescient.Engine.Signals;

/// <summary>
/// The second built-in strategy ("favourite"): the favourite/long-shot bias. Per event, the markets
/// ranked by <see cref="FavouriteStrategyOptions.Selection"/> as for the threshold strategy; for each
/// selected market, buy the token whose best ask is within the favourite band (0.80–0.95 by default)
/// when its book is tight and deep enough. Same interface, execution, risk and fee code as the default.
/// </summary>
public sealed class FavouriteStrategy : IStrategy, IRuleStrategy
{
    public const string StrategyName = "favourite";

    private readonly FavouriteStrategyOptions _options;
    private readonly FavouriteRule _rule;
    private readonly RuleChecker _check;

    public FavouriteStrategy(IOptions<FavouriteStrategyOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        if (_options.Validate() is { } error)
        {
            throw new ArgumentException(error, nameof(options));
        }

        _rule = new FavouriteRule(_options, StrategyName);
        _check = _rule.Check;
        Settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["min_price"] = Invariant(_options.MinPrice),
            ["max_price"] = Invariant(_options.MaxPrice),
            ["stake"] = Invariant(_options.Stake),
            ["selection"] = Code(_options.Selection),
            ["markets_per_event"] = _options.MarketsPerEvent.ToString(CultureInfo.InvariantCulture),
            ["max_spread"] = Invariant(_options.MaxSpread),
            ["min_book_depth"] = Invariant(_options.MinBookDepth),
        };
    }

    public string Name => StrategyName;

    public IReadOnlyDictionary<string, string> Settings { get; }

    MarketSelectionRule IRuleStrategy.Selection => _options.Selection;

    int IRuleStrategy.MarketsPerEvent => _options.MarketsPerEvent;

    decimal IRuleStrategy.Stake => _options.Stake;

    public StrategyResult Generate(StrategyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return EventSelection.Run(context, _options.Selection, _options.MarketsPerEvent, (market, yes, no) => _rule.Evaluate(market, yes, no, context.Portfolio, context.Now, context.Day));
    }

    /// <summary>The favourite rule again on quotes made from the fresh books (band, held, spread, entry price, depth); null when it still buys the signal's token.</summary>
    public SkippedMarket? Recheck(Signal signal, Market market, OrderBook yes, OrderBook no, Portfolio portfolio, DateTimeOffset now) =>
        RuleRecheck.Run(signal, market, yes, no, portfolio, _check, string.Empty);

    Signal? IRuleStrategy.Evaluate(Extraction.MarketRow market, in RuleQuote yes, in RuleQuote no, Portfolio portfolio, DateTimeOffset now, DateOnly day) =>
        _rule.Evaluate(market, yes, no, portfolio, now, day).Signal;

    bool IRuleStrategy.Holds(Extraction.MarketRow market, in RuleQuote yes, in RuleQuote no, Portfolio portfolio) => _rule.Holds(market, yes, no, portfolio);
}
