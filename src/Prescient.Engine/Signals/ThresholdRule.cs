using Prescient.Domain.Ids;
using Prescient.Domain.Positions;
using Prescient.Domain.Signals;
using Prescient.Engine.Extraction;
using Prescient.Engine.Quotes;
using static Prescient.Engine.Signals.StrategyText;

namespace Prescient.Engine.Signals;

/// <summary>
/// The threshold rule applied to one selected market whose two tokens have books: the checks run in
/// a fixed order (price, threshold, already held, spread, entry price, depth) and the first that
/// fails is the skip reason; a market that passes them all gives a signal.
/// </summary>
internal sealed class ThresholdRule(ThresholdStrategyOptions options, string strategy)
{
    private const decimal DefaultTick = 0.01m;

    public (Signal? Signal, SkippedMarket? Skipped) Evaluate(MarketRow market, TokenQuote yes, TokenQuote no, Portfolio portfolio, DateTimeOffset now, DateOnly day)
    {
        var source = Code(options.YesPriceSource);
        var buyNo = options.Side == SignalAction.BuyNo;
        var buy = buyNo ? no : yes;
        var side = buyNo ? "NO" : "YES";
        if (YesPrice(yes) is not { } yesPrice)
        {
            return Skip(market, SkipReason.NoPrice, $"no YES {source} price on the YES quote (best bid {Maybe(yes.BestBid)}, best ask {Maybe(yes.BestAsk)}, last trade {Maybe(yes.LastTradePrice)})");
        }

        // buy_no looks at the YES price, buy_yes at the implied NO price: the side bought is the one the price says is cheap.
        var watched = buyNo ? yesPrice : 1m - yesPrice;
        var watchedText = buyNo ? $"YES {source} {Price(yesPrice)}" : $"NO at 1 − YES {source} {Price(yesPrice)} = {Price(watched)}";
        if (watched <= options.Threshold)
        {
            return Skip(market, SkipReason.BelowThreshold, $"{watchedText} not above threshold {Price(options.Threshold)}");
        }

        if (portfolio.PositionIn(market.MarketId) is { } held)
        {
            return Skip(market, SkipReason.AlreadyHeld, $"position open: {Invariant(held.Shares)} shares of {held.Outcome ?? held.TokenId.Value}, cost basis {Usdc(held.CostBasis)} USDC");
        }

        if (buy.BestBid is not { } bid || buy.BestAsk is not { } ask)
        {
            return Skip(market, SkipReason.SpreadTooWide, $"{side} book is one-sided (best bid {Maybe(buy.BestBid)}, best ask {Maybe(buy.BestAsk)}): no spread");
        }

        if (ask - bid > options.MaxSpread)
        {
            return Skip(market, SkipReason.SpreadTooWide, $"{side} spread {Price(ask - bid)} ({Price(bid)}–{Price(ask)}) > maximum {Price(options.MaxSpread)}");
        }

        var limit = LimitPrice(buy.TickSize ?? market.TickSize);
        if (ask > limit)
        {
            return Skip(market, SkipReason.PriceAboveMaximum, $"{side} best ask {Price(ask)} > limit {Price(limit)}");
        }

        var depth = buy.Asks.Where(l => l.Price <= limit).Sum(l => l.Price * l.Size);
        if (depth < options.MinBookDepth)
        {
            return Skip(market, SkipReason.BookTooThin, $"{side} asks at ≤ {Price(limit)} hold {Usdc(depth)} USDC < minimum {Usdc(options.MinBookDepth)} USDC");
        }

        var confidence = watched - options.Threshold;
        var outcome = buy.Outcome;
        var named = string.Equals(outcome, side, StringComparison.OrdinalIgnoreCase) ? side : $"{side} ({outcome})";
        var signal = new Signal
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
            Stake = options.Stake,
            Price = ask,
            LimitPrice = limit,
            YesPrice = yesPrice,
            YesPriceSource = source,
            Confidence = confidence,
            Reason = $"{watchedText} > threshold {Price(options.Threshold)}: buy {named} at ≤ {Price(limit)} (best ask {Price(ask)}), confidence {Price(confidence)}",
        };
        return (signal, null);
    }

    private decimal? YesPrice(TokenQuote yes) => options.YesPriceSource switch
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

    private static (Signal?, SkippedMarket?) Skip(MarketRow market, SkipReason reason, string detail) =>
        (null, new SkippedMarket(market.EventId, market.MarketId, market.Question, reason, detail));

    private static string Maybe(decimal? price) => price is { } p ? Price(p) : "none";
}
