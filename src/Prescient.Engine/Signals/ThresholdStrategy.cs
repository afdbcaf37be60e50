using Microsoft.Extensions.Options;
using Prescient.Domain.Books;
using Prescient.Domain.Markets;
using Prescient.Domain.Positions;
using Prescient.Domain.Signals;
using Prescient.Engine.Quotes;
using static Prescient.Engine.Signals.StrategyText;

namespace Prescient.Engine.Signals;

/// <summary>
/// The default strategy ("threshold"): per event, rank the markets that accept orders and have a
/// book on both tokens by <see cref="ThresholdStrategyOptions.Selection"/>, take the first
/// <see cref="ThresholdStrategyOptions.MarketsPerEvent"/>, and emit a buy of the configured side
/// when the price is strictly past the threshold and the book is good enough to trade. Every other
/// market is reported skipped with its reason. Signals and skips come out ordered by event id, then
/// market id.
/// </summary>
public sealed class ThresholdStrategy : IStrategy, IRuleStrategy
{
    public const string StrategyName = "threshold";

    private readonly ThresholdStrategyOptions _options;
    private readonly ThresholdRule _rule;
    private readonly RuleChecker _check;
    private readonly string _describe;

    public ThresholdStrategy(IOptions<ThresholdStrategyOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        if (_options.Validate() is { } error)
        {
            throw new ArgumentException(error, nameof(options));
        }

        _rule = new ThresholdRule(_options, StrategyName);
        _check = _rule.Check;
        _describe = $" ({Code(_options.Side)})";
        Settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["threshold"] = Invariant(_options.Threshold),
            ["side"] = Code(_options.Side),
            ["stake"] = Invariant(_options.Stake),
            ["selection"] = Code(_options.Selection),
            ["markets_per_event"] = _options.MarketsPerEvent.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["yes_price_source"] = Code(_options.YesPriceSource),
            ["max_entry_price"] = Invariant(_options.MaxEntryPrice),
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
        return EventSelection.Run(context, _options.Selection, _options.MarketsPerEvent, (market, yes, no) => _rule.Evaluate(market, yes, no, context.Portfolio, context.Now, context.Day, context.ExplainSkips));
    }

    /// <summary>
    /// The threshold rule again, on quotes made from the fresh books exactly as the refresh makes them
    /// (<see cref="TokenQuote.From"/>): price, threshold, already held, spread, entry price, depth. The
    /// market's selection among its event is not re-run (the other markets' books are not fetched).
    /// </summary>
    public SkippedMarket? Recheck(Signal signal, Market market, OrderBook yes, OrderBook no, Portfolio portfolio, DateTimeOffset now) =>
        RuleRecheck.Run(signal, market, yes, no, portfolio, _check, _describe);

    Signal? IRuleStrategy.Evaluate(Extraction.MarketRow market, in RuleQuote yes, in RuleQuote no, Portfolio portfolio, DateTimeOffset now, DateOnly day) =>
        _rule.Evaluate(market, yes, no, portfolio, now, day, explain: false).Signal;

    bool IRuleStrategy.Holds(Extraction.MarketRow market, in RuleQuote yes, in RuleQuote no, Portfolio portfolio) => _rule.Holds(market, yes, no, portfolio);
}
