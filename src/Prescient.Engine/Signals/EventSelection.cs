using Prescient.Domain.Ids;
using Prescient.Domain.Positions;
using Prescient.Domain.Signals;
using Prescient.Engine.Extraction;
using Prescient.Engine.Quotes;
using static Prescient.Engine.Signals.StrategyText;

namespace Prescient.Engine.Signals;

/// <summary>
/// The per-event frame the built-in strategies share: per event, the markets that accept orders and
/// have a book on both tokens are ranked by a <see cref="MarketSelectionRule"/>, the first N are
/// evaluated by the strategy's rule, and every other market is reported skipped with its reason.
/// Signals and skips come out ordered by event id, then market id.
/// </summary>
internal static class EventSelection
{
    /// <param name="evaluate">The strategy's rule on one selected market and its two quotes: a signal, or the market skipped.</param>
    public static StrategyResult Run(
        StrategyContext context,
        MarketSelectionRule selection,
        int marketsPerEvent,
        Func<MarketRow, TokenQuote, TokenQuote, (Signal? Signal, SkippedMarket? Skipped)> evaluate)
    {
        ArgumentNullException.ThrowIfNull(context);
        var signals = new List<Signal>();
        var skipped = new List<SkippedMarket>();
        foreach (var group in context.Markets.GroupBy(m => m.EventId).OrderBy(g => g.Key))
        {
            var candidates = new List<(MarketRow Market, TokenQuote Yes, TokenQuote No)>();
            foreach (var market in group)
            {
                if (Ineligible(market, context.Quotes, context.ExplainSkips, out var yes, out var no) is { } skip)
                {
                    skipped.Add(skip);
                }
                else
                {
                    candidates.Add((market, yes!, no!));
                }
            }

            var ranked = MarketRanking.Order(candidates, c => c.Market, selection);
            for (var i = 0; i < ranked.Count; i++)
            {
                var (market, yes, no) = ranked[i];
                if (i >= marketsPerEvent)
                {
                    skipped.Add(context.ExplainSkips
                        ? NotSelected(market, i + 1, ranked.Select(c => c.Market).ToArray(), selection, marketsPerEvent)
                        : new SkippedMarket(market.EventId, market.MarketId, market.Question, SkipReason.NotSelected, string.Empty));
                    continue;
                }

                var (signal, skip) = evaluate(market, yes, no);
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
    /// The frame of <see cref="Run"/> on one event's <paramref name="candidates"/> (its markets that accept orders
    /// and have a book on both tokens, in any order): ranked by the strategy's selection, the first N evaluated by
    /// its rule on their <paramref name="quotes"/>; the signals are appended to <paramref name="signals"/> in market id order.
    /// Called event by event in event id order, it gives <see cref="Run"/>'s signals, in its order. No skips; nothing
    /// allocated but the signals.
    /// </summary>
    public static void Select<TQuotes>(Span<RuleCandidate> candidates, TQuotes quotes, IRuleStrategy strategy, Portfolio portfolio, DateTimeOffset now, DateOnly day, List<Signal> signals)
        where TQuotes : IRuleQuotes
    {
        ArgumentNullException.ThrowIfNull(signals);
        var selected = Rank(candidates, strategy);
        var first = signals.Count;
        for (var i = 0; i < selected; i++)
        {
            var (yes, no) = quotes.QuotesOf(candidates[i].Index);
            if (strategy.Evaluate(candidates[i].Market, yes, no, portfolio, now, day) is { } signal)
            {
                signals.Add(signal);
            }
        }

        if (signals.Count - first > 1)
        {
            signals.Sort(first, signals.Count - first, BySignalMarket.Instance);
        }
    }

    /// <summary>How many signals <see cref="Select"/> would append for this event, with none built (<see cref="IRuleStrategy.Holds"/>).</summary>
    public static int Holding<TQuotes>(Span<RuleCandidate> candidates, TQuotes quotes, IRuleStrategy strategy, Portfolio portfolio)
        where TQuotes : IRuleQuotes
    {
        var selected = Rank(candidates, strategy);
        var holding = 0;
        for (var i = 0; i < selected; i++)
        {
            var (yes, no) = quotes.QuotesOf(candidates[i].Index);
            if (strategy.Holds(candidates[i].Market, yes, no, portfolio))
            {
                holding++;
            }
        }

        return holding;
    }

    /// <summary>Sorts the candidates by the strategy's selection; how many of the first are selected.</summary>
    private static int Rank(Span<RuleCandidate> candidates, IRuleStrategy strategy)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        candidates.Sort(new Ranking(strategy.Selection));
        return Math.Min(candidates.Length, strategy.MarketsPerEvent);
    }

    /// <summary>Why a market cannot be a candidate (not tradeable, or a token without a book), or null when it can.</summary>
    private static SkippedMarket? Ineligible(MarketRow market, IReadOnlyDictionary<TokenId, TokenQuote> quotes, bool explain, out TokenQuote? yes, out TokenQuote? no)
    {
        yes = null;
        no = null;
        if (!market.IsQuotable && !explain)
        {
            return new SkippedMarket(market.EventId, market.MarketId, market.Question, SkipReason.NotTradeable, string.Empty);
        }

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
        if (yes is { HasBook: true } && no is { HasBook: true })
        {
            return null;
        }

        if (!explain)
        {
            return new SkippedMarket(market.EventId, market.MarketId, market.Question, SkipReason.NoBook, string.Empty);
        }

        var missing = new[] { (Side: "YES", Token: market.YesTokenId.Value, Quote: yes), (Side: "NO", Token: market.NoTokenId.Value, Quote: no) }
            .Where(t => t.Quote is not { HasBook: true })
            .Select(t => $"no {(t.Quote is null ? "quote" : "book")} for the {t.Side} token {t.Token}")
            .ToArray();
        return missing.Length == 0
            ? null
            : new SkippedMarket(market.EventId, market.MarketId, market.Question, SkipReason.NoBook, string.Join("; ", missing));
    }

    private static SkippedMarket NotSelected(MarketRow market, int rank, IReadOnlyList<MarketRow> ranked, MarketSelectionRule selection, int marketsPerEvent)
    {
        var chosen = string.Join(", ", ranked.Take(marketsPerEvent).Select(m => $"{m.MarketId} ({MarketRanking.Describe(m, selection)})"));
        var detail = $"ranked {rank} of {ranked.Count} by {Code(selection)} ({MarketRanking.Describe(market, selection)}); selected {chosen}";
        return new SkippedMarket(market.EventId, market.MarketId, market.Question, SkipReason.NotSelected, detail);
    }

    private readonly struct Ranking(MarketSelectionRule rule) : IComparer<RuleCandidate>
    {
        public int Compare(RuleCandidate x, RuleCandidate y) => MarketRanking.Compare(x.Market, y.Market, rule);
    }

    private sealed class BySignalMarket : IComparer<Signal>
    {
        public static readonly BySignalMarket Instance = new();

        public int Compare(Signal? x, Signal? y) => x!.MarketId.CompareTo(y!.MarketId);
    }
}
