using Prescient.Domain.Ids;
using Prescient.Domain.Markets;
using Prescient.Domain.Positions;
using Prescient.Domain.Signals;
using Prescient.Engine.Extraction;
using Prescient.Engine.Quotes;
using static Prescient.Engine.Signals.StrategyText;

namespace Prescient.Engine.Signals;

/// <summary>
/// The threshold rule applied to one selected market whose two tokens have books: the checks run in
/// a fixed order (price, threshold, already held, spread, entry price, depth) and the first that
/// fails is the skip reason; a market that passes them all gives a signal. The same checks re-run at
/// execution on fresh books (<see cref="ThresholdStrategy.Recheck"/>).
/// </summary>
internal sealed class ThresholdRule(ThresholdStrategyOptions options, string strategy)
{
    private const decimal DefaultTick = 0.01m;

    /// <param name="explain">False: skips carry their reason code and an empty detail (a backtest, which reports no skips, formats no text).</param>
    public (Signal? Signal, SkippedMarket? Skipped) Evaluate(MarketRow market, TokenQuote yes, TokenQuote no, Portfolio portfolio, DateTimeOffset now, DateOnly day, bool explain = true) =>
        Evaluate(market, RuleQuote.From(yes), RuleQuote.From(no), portfolio, now, day, explain);

    /// <inheritdoc cref="Evaluate(MarketRow, TokenQuote, TokenQuote, Portfolio, DateTimeOffset, DateOnly, bool)"/>
    public (Signal? Signal, SkippedMarket? Skipped) Evaluate(MarketRow market, in RuleQuote yes, in RuleQuote no, Portfolio portfolio, DateTimeOffset now, DateOnly day, bool explain = true)
    {
        var check = Check(RuleMarket.From(market), yes, no, portfolio, explain);
        return check.Skipped is { } skip ? (null, skip) : (Build(market, check, now, day), null);
    }

    /// <summary>Whether <see cref="Evaluate(MarketRow, in RuleQuote, in RuleQuote, Portfolio, DateTimeOffset, DateOnly, bool)"/> gives a signal, with no signal built and no text formatted.</summary>
    public bool Holds(MarketRow market, in RuleQuote yes, in RuleQuote no, Portfolio portfolio) => Check(RuleMarket.From(market), yes, no, portfolio, explain: false).Skipped is null;

    /// <summary>The rule's checks alone, in order: the first that fails as a skip, or the numbers a signal is built from (no text formatted when all pass).</summary>
    public RuleCheck Check(Market market, in RuleQuote yes, in RuleQuote no, Portfolio portfolio) => Check(RuleMarket.From(market), yes, no, portfolio, explain: true);

    private RuleCheck Check(RuleMarket market, in RuleQuote yes, in RuleQuote no, Portfolio portfolio, bool explain)
    {
        var source = Code(options.YesPriceSource);
        var buyNo = options.Side == SignalAction.BuyNo;
        var buy = buyNo ? no : yes;
        var side = buyNo ? "NO" : "YES";
        if (YesPrice(yes) is not { } yesPrice)
        {
            return Skip(market, SkipReason.NoPrice, explain ? $"no YES {source} price on the YES quote (best bid {Maybe(yes.BestBid)}, best ask {Maybe(yes.BestAsk)}, last trade {Maybe(yes.LastTradePrice)})" : string.Empty);
        }

        // buy_no looks at the YES price, buy_yes at the implied NO price: the side bought is the one the price says is cheap.
        var watched = buyNo ? yesPrice : 1m - yesPrice;
        if (watched <= options.Threshold)
        {
            return Skip(market, SkipReason.BelowThreshold, explain ? $"{WatchedText(yesPrice, watched)} not above threshold {Price(options.Threshold)}" : string.Empty);
        }

        if (portfolio.PositionIn(market.Id) is { } held)
        {
            return Skip(market, SkipReason.AlreadyHeld, explain ? $"position open: {Invariant(held.Shares.Value)} shares of {held.Outcome ?? held.TokenId.Value}, cost basis {Usdc(held.CostBasis.Value)} USDC" : string.Empty);
        }

        if (buy.BestBid is not { } bid || buy.BestAsk is not { } ask)
        {
            return Skip(market, SkipReason.SpreadTooWide, explain ? $"{side} book is one-sided (best bid {Maybe(buy.BestBid)}, best ask {Maybe(buy.BestAsk)}): no spread" : string.Empty);
        }

        if (ask - bid > options.MaxSpread)
        {
            return Skip(market, SkipReason.SpreadTooWide, explain ? $"{side} spread {Price(ask - bid)} ({Price(bid)}–{Price(ask)}) > maximum {Price(options.MaxSpread)}" : string.Empty);
        }

        var limit = LimitPrice(buy.TickSize ?? market.TickSize);
        if (ask > limit)
        {
            return Skip(market, SkipReason.PriceAboveMaximum, explain ? $"{side} best ask {Price(ask)} > limit {Price(limit)}" : string.Empty);
        }

        var depth = 0m;
        foreach (var level in buy.Asks)
        {
            if (level.Price <= limit)
            {
                depth += level.Price * level.Size;
            }
        }

        if (depth < options.MinBookDepth)
        {
            return Skip(market, SkipReason.BookTooThin, explain ? $"{side} asks at ≤ {Price(limit)} hold {Usdc(depth)} USDC < minimum {Usdc(options.MinBookDepth)} USDC" : string.Empty);
        }

        return new RuleCheck(null, buy, yesPrice, watched, ask, limit);
    }

    private Signal Build(MarketRow market, RuleCheck check, DateTimeOffset now, DateOnly day)
    {
        var buy = check.Buy!.Value;
        var side = options.Side == SignalAction.BuyNo ? "NO" : "YES";
        var confidence = check.Watched - options.Threshold;
        var outcome = buy.Outcome;
        var named = string.Equals(outcome, side, StringComparison.OrdinalIgnoreCase) ? side : $"{side} ({outcome})";
        return new Signal
        {
            SignalId = SignalId.For(day, market.MarketId, Code(options.Side)),
            CreatedAt = now,
            Strategy = strategy,
            EventId = market.EventId,
            EventTitle = market.EventTitle,
            MarketId = market.MarketId,
            ConditionId = market.ConditionId,
            TokenId = buy.TokenId,
            Outcome = outcome,
            Question = market.Question,
            Action = options.Side,
            Stake = Domain.Values.Usdc.Create(options.Stake),
            Price = Domain.Values.Price.Create(check.Ask),
            LimitPrice = Domain.Values.Price.Create(check.Limit),
            YesPrice = Domain.Values.Price.Create(check.YesPrice),
            YesPriceSource = Code(options.YesPriceSource),
            Confidence = confidence,
            Reason = $"{WatchedText(check.YesPrice, check.Watched)} > threshold {Price(options.Threshold)}: buy {named} at ≤ {Price(check.Limit)} (best ask {Price(check.Ask)}), confidence {Price(confidence)}",
        };
    }

    /// <summary>The price the rule watches, in words: "YES mid 0.62", "NO at 1 − YES mid 0.30 = 0.70".</summary>
    private string WatchedText(decimal yesPrice, decimal watched)
    {
        var source = Code(options.YesPriceSource);
        return options.Side == SignalAction.BuyNo ? $"YES {source} {Price(yesPrice)}" : $"NO at 1 − YES {source} {Price(yesPrice)} = {Price(watched)}";
    }

    private decimal? YesPrice(in RuleQuote yes) => options.YesPriceSource switch
    {
        YesPriceSource.LastTrade => yes.LastTradePrice,
        YesPriceSource.BestBid => yes.BestBid,
        _ => yes.Mid,
    };

    /// <summary>The maximum entry price rounded down to the tick (USDC per share), so the limit is a price the book can hold.</summary>
    private decimal LimitPrice(decimal? tick)
    {
        var step = tick is > 0m ? tick.Value : DefaultTick;
        return Math.Floor(options.MaxEntryPrice / step) * step;
    }

    private static RuleCheck Skip(RuleMarket market, SkipReason reason, string detail) =>
        new(new SkippedMarket(market.EventId, market.Id, market.Question, reason, detail), null, 0m, 0m, 0m, 0m);

    private static string Maybe(decimal? price) => price is { } p ? Price(p) : "none";
}
