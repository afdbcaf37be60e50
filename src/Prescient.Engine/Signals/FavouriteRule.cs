using Prescient.Domain.Ids;
using Prescient.Domain.Markets;
using Prescient.Domain.Positions;
using Prescient.Domain.Signals;
using Prescient.Engine.Extraction;
using Prescient.Engine.Quotes;
using static Prescient.Engine.Signals.StrategyText;

namespace Prescient.Engine.Signals;

/// <summary>
/// The favourite rule on one selected market whose two tokens have books, checks in a fixed order
/// (band, already held, spread, entry price, depth), the first that fails being the skip reason: the
/// token whose best ask is in [<see cref="FavouriteStrategyOptions.MinPrice"/>, <see cref="FavouriteStrategyOptions.MaxPrice"/>]
/// (the dearer one if both are) is bought. The same checks re-run at execution on fresh books.
/// </summary>
internal sealed class FavouriteRule(FavouriteStrategyOptions options, string strategy)
{
    private const decimal DefaultTick = 0.01m;
    private const string PriceSource = "best_ask";

    public (Signal? Signal, SkippedMarket? Skipped) Evaluate(MarketRow market, TokenQuote yes, TokenQuote no, Portfolio portfolio, DateTimeOffset now, DateOnly day) =>
        Evaluate(market, RuleQuote.From(yes), RuleQuote.From(no), portfolio, now, day);

    /// <inheritdoc cref="Evaluate(MarketRow, TokenQuote, TokenQuote, Portfolio, DateTimeOffset, DateOnly)"/>
    public (Signal? Signal, SkippedMarket? Skipped) Evaluate(MarketRow market, in RuleQuote yes, in RuleQuote no, Portfolio portfolio, DateTimeOffset now, DateOnly day)
    {
        var check = Check(RuleMarket.From(market), yes, no, portfolio);
        return check.Skipped is { } skip ? (null, skip) : (Build(market, check, yes, now, day), null);
    }

    public RuleCheck Check(Market market, in RuleQuote yes, in RuleQuote no, Portfolio portfolio) => Check(RuleMarket.From(market), yes, no, portfolio);

    /// <summary>Whether <see cref="Evaluate(MarketRow, in RuleQuote, in RuleQuote, Portfolio, DateTimeOffset, DateOnly)"/> gives a signal, with no signal built.</summary>
    public bool Holds(MarketRow market, in RuleQuote yes, in RuleQuote no, Portfolio portfolio) => Check(RuleMarket.From(market), yes, no, portfolio).Skipped is null;

    private RuleCheck Check(RuleMarket market, in RuleQuote yes, in RuleQuote no, Portfolio portfolio)
    {
        var yesIn = InBand(yes);
        var noIn = InBand(no);
        if (!yesIn && !noIn)
        {
            return Skip(market, SkipReason.OutsideBand, $"YES best ask {Maybe(yes.BestAsk)}, NO best ask {Maybe(no.BestAsk)}: neither in the band {Price(options.MinPrice)}–{Price(options.MaxPrice)}");
        }

        // The dearer of the two in the band; YES on a tie (as a stable sort by descending ask would pick).
        var buy = yesIn && (!noIn || yes.BestAsk >= no.BestAsk) ? yes : no;
        var side = buy.TokenId == yes.TokenId ? "YES" : "NO";
        if (portfolio.PositionIn(market.Id) is { } held)
        {
            return Skip(market, SkipReason.AlreadyHeld, $"position open: {Invariant(held.Shares.Value)} shares of {held.Outcome ?? held.TokenId.Value}, cost basis {Usdc(held.CostBasis.Value)} USDC");
        }

        var ask = buy.BestAsk!.Value;
        if (buy.BestBid is not { } bid)
        {
            return Skip(market, SkipReason.SpreadTooWide, $"{side} book is one-sided (best bid none, best ask {Price(ask)}): no spread");
        }

        if (ask - bid > options.MaxSpread)
        {
            return Skip(market, SkipReason.SpreadTooWide, $"{side} spread {Price(ask - bid)} ({Price(bid)}–{Price(ask)}) > maximum {Price(options.MaxSpread)}");
        }

        var tick = buy.TickSize ?? market.TickSize;
        var step = tick is > 0m ? tick.Value : DefaultTick;
        var limit = Math.Floor(options.MaxPrice / step) * step;
        if (ask > limit)
        {
            return Skip(market, SkipReason.PriceAboveMaximum, $"{side} best ask {Price(ask)} > limit {Price(limit)}");
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
            return Skip(market, SkipReason.BookTooThin, $"{side} asks at ≤ {Price(limit)} hold {Usdc(depth)} USDC < minimum {Usdc(options.MinBookDepth)} USDC");
        }

        var yesPrice = buy.TokenId == yes.TokenId ? ask : yes.BestAsk ?? (1m - ask);
        return new RuleCheck(null, buy, yesPrice, ask, ask, limit);
    }

    private Signal Build(MarketRow market, RuleCheck check, in RuleQuote yes, DateTimeOffset now, DateOnly day)
    {
        var buy = check.Buy!.Value;
        var action = buy.TokenId == yes.TokenId ? SignalAction.BuyYes : SignalAction.BuyNo;
        var side = action == SignalAction.BuyYes ? "YES" : "NO";
        var named = string.Equals(buy.Outcome, side, StringComparison.OrdinalIgnoreCase) ? side : $"{side} ({buy.Outcome})";
        var confidence = check.Ask - options.MinPrice;
        return new Signal
        {
            SignalId = SignalId.For(day, market.MarketId, Code(action)),
            CreatedAt = now,
            Strategy = strategy,
            EventId = market.EventId,
            EventTitle = market.EventTitle,
            MarketId = market.MarketId,
            ConditionId = market.ConditionId,
            TokenId = buy.TokenId,
            Outcome = buy.Outcome,
            Question = market.Question,
            Action = action,
            Stake = Domain.Values.Usdc.Create(options.Stake),
            Price = Domain.Values.Price.Create(check.Ask),
            LimitPrice = Domain.Values.Price.Create(check.Limit),
            YesPrice = Domain.Values.Price.Create(check.YesPrice),
            YesPriceSource = PriceSource,
            Confidence = confidence,
            Reason = $"{side} best ask {Price(check.Ask)} in the favourite band {Price(options.MinPrice)}–{Price(options.MaxPrice)}: buy {named} at ≤ {Price(check.Limit)}, confidence {Price(confidence)}",
        };
    }

    private bool InBand(in RuleQuote quote) => quote.BestAsk is { } a && a >= options.MinPrice && a <= options.MaxPrice;

    private static RuleCheck Skip(RuleMarket market, SkipReason reason, string detail) =>
        new(new SkippedMarket(market.EventId, market.Id, market.Question, reason, detail), null, 0m, 0m, 0m, 0m);

    private static string Maybe(decimal? price) => price is { } p ? Price(p) : "none";
}
