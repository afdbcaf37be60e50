using Microsoft.Extensions.Options;
using Prescient.Domain.Books;
using Prescient.Domain.Ids;
using Prescient.Domain.Markets;
using Prescient.Domain.Positions;
using Prescient.Domain.Signals;
using Prescient.Engine.Extraction;
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
public sealed class ThresholdStrategy : IStrategy
{
    public const string StrategyName = "threshold";

    private readonly ThresholdStrategyOptions _options;
    private readonly ThresholdRule _rule;

    public ThresholdStrategy(IOptions<ThresholdStrategyOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        if (_options.Validate() is { } error)
        {
            throw new ArgumentException(error, nameof(options));
        }

        _rule = new ThresholdRule(_options, StrategyName);
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

    public StrategyResult Generate(StrategyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var signals = new List<Signal>();
        var skipped = new List<SkippedMarket>();
        foreach (var group in context.Markets.GroupBy(m => m.EventId).OrderBy(g => g.Key))
        {
            var candidates = new List<(MarketRow Market, TokenQuote Yes, TokenQuote No)>();
            foreach (var market in group)
            {
                if (Ineligible(market, context.Quotes, out var yes, out var no) is { } skip)
                {
                    skipped.Add(skip);
                }
                else
                {
                    candidates.Add((market, yes!, no!));
                }
            }

            var ranked = MarketRanking.Order(candidates, c => c.Market, _options.Selection);
            for (var i = 0; i < ranked.Count; i++)
            {
                var (market, yes, no) = ranked[i];
                if (i >= _options.MarketsPerEvent)
                {
                    skipped.Add(NotSelected(market, i + 1, ranked.Select(c => c.Market).ToArray()));
                    continue;
                }

                var (signal, skip) = _rule.Evaluate(market, yes, no, context.Portfolio, context.Now, context.Day);
                if (signal is not null)
                {
                    signals.Add(signal);
                }
                else
                {
                    skipped.Add(skip!);
                }
            }
        }

        return new StrategyResult(
            signals.OrderBy(s => s.EventId).ThenBy(s => s.MarketId).ToArray(),
            skipped.OrderBy(s => s.EventId).ThenBy(s => s.MarketId).ToArray());
    }

    /// <summary>
    /// The threshold rule again, on quotes made from the fresh books exactly as the refresh makes them
    /// (<see cref="TokenQuote.From"/>): price, threshold, already held, spread, entry price, depth. The
    /// market's selection among its event is not re-run (the other markets' books are not fetched).
    /// </summary>
    public SkippedMarket? Recheck(Signal signal, Market market, OrderBook yes, OrderBook no, Portfolio portfolio, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(signal);
        ArgumentNullException.ThrowIfNull(market);
        ArgumentNullException.ThrowIfNull(yes);
        ArgumentNullException.ThrowIfNull(no);
        ArgumentNullException.ThrowIfNull(portfolio);
        var yesQuote = TokenQuote.From(market, yes.TokenId, market.Outcomes.ElementAtOrDefault(0)?.Name ?? "Yes", yes);
        var noQuote = TokenQuote.From(market, no.TokenId, market.Outcomes.ElementAtOrDefault(1)?.Name ?? "No", no);
        var check = _rule.Check(market, yesQuote, noQuote, portfolio);
        if (check.Skipped is { } skip)
        {
            return skip;
        }

        return check.Buy!.TokenId == signal.TokenId
            ? null
            : new SkippedMarket(market.EventId, market.Id, market.Question, SkipReason.NotSelected, $"the rule now buys token {check.Buy.TokenId} ({Code(_options.Side)}), not the signal's token {signal.TokenId}");
    }

    /// <summary>Why a market cannot be a candidate (not tradeable, or a token without a book), or null when it can.</summary>
    private static SkippedMarket? Ineligible(MarketRow market, IReadOnlyDictionary<TokenId, TokenQuote> quotes, out TokenQuote? yes, out TokenQuote? no)
    {
        yes = null;
        no = null;
        if (!market.IsQuotable)
        {
            var why = new List<string>();
            if (market.Closed) why.Add("closed");
            if (!market.AcceptingOrders) why.Add("not accepting orders");
            if (!market.EnableOrderBook) why.Add("order book disabled");
            if (market.YesTokenId is null || market.NoTokenId is null) why.Add("not a binary market with YES and NO tokens");
            return new SkippedMarket(market.EventId, market.MarketId, market.Question, SkipReason.NotTradeable, string.Join(", ", why));
        }

        yes = quotes.GetValueOrDefault(market.YesTokenId!.Value);
        no = quotes.GetValueOrDefault(market.NoTokenId!.Value);
        var missing = new[] { (Side: "YES", Token: market.YesTokenId.Value, Quote: yes), (Side: "NO", Token: market.NoTokenId.Value, Quote: no) }
            .Where(t => t.Quote is not { HasBook: true })
            .Select(t => $"no {(t.Quote is null ? "quote" : "book")} for the {t.Side} token {t.Token}")
            .ToArray();
        return missing.Length == 0
            ? null
            : new SkippedMarket(market.EventId, market.MarketId, market.Question, SkipReason.NoBook, string.Join("; ", missing));
    }

    private SkippedMarket NotSelected(MarketRow market, int rank, IReadOnlyList<MarketRow> ranked)
    {
        var chosen = string.Join(", ", ranked.Take(_options.MarketsPerEvent).Select(m => $"{m.MarketId} ({MarketRanking.Describe(m, _options.Selection)})"));
        var detail = $"ranked {rank} of {ranked.Count} by {Code(_options.Selection)} ({MarketRanking.Describe(market, _options.Selection)}); selected {chosen}";
        return new SkippedMarket(market.EventId, market.MarketId, market.Question, SkipReason.NotSelected, detail);
    }
}
