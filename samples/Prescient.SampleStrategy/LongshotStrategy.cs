using System.Globalization;
using Microsoft.Extensions.Configuration;
using Prescient.Domain.Books;
using Prescient.Domain.Ids;
using Prescient.Domain.Markets;
using Prescient.Domain.Positions;
using Prescient.Domain.Signals;
using Prescient.Domain.Values;
using Prescient.Engine.Extraction;
using Prescient.Engine.Quotes;
using Prescient.Engine.Signals;

namespace Prescient.SampleStrategy;

/// <summary>
/// A sample strategy in an assembly of its own ("longshot"): the mirror of the built-in favourite
/// rule. Per event, the market with the highest liquidity; buy the token whose best ask is within
/// [MinPrice, MaxPrice] (0.10–0.30 by default) when the asks up to MaxPrice hold the stake. Settings
/// come from the section "Strategy:Longshot" (MinPrice, MaxPrice, Stake), read through the
/// <see cref="IConfiguration"/> the host gives any strategy's constructor.
/// </summary>
public sealed class LongshotStrategy : IStrategy
{
    private readonly decimal _minPrice;
    private readonly decimal _maxPrice;
    private readonly decimal _stake;

    public LongshotStrategy(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection("Strategy:Longshot");
        _minPrice = Read(section, "MinPrice", 0.10m);
        _maxPrice = Read(section, "MaxPrice", 0.30m);
        _stake = Read(section, "Stake", 50m);
        if (_minPrice <= 0m || _maxPrice < _minPrice || _maxPrice > 1m || _stake <= 0m)
        {
            throw new ArgumentException("Strategy:Longshot needs 0 < MinPrice ≤ MaxPrice ≤ 1 and Stake > 0.", nameof(configuration));
        }

        Settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["min_price"] = _minPrice.ToString(CultureInfo.InvariantCulture),
            ["max_price"] = _maxPrice.ToString(CultureInfo.InvariantCulture),
            ["stake"] = _stake.ToString(CultureInfo.InvariantCulture),
        };
    }

    public string Name => "longshot";

    public IReadOnlyDictionary<string, string> Settings { get; }

    public StrategyResult Generate(StrategyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var signals = new List<Signal>();
        var skipped = new List<SkippedMarket>();
        foreach (var group in context.Markets.Where(m => m.IsQuotable).GroupBy(m => m.EventId).OrderBy(g => g.Key))
        {
            var market = group.OrderByDescending(m => m.Liquidity ?? 0m).ThenBy(m => m.MarketId).First();
            var yes = context.Quotes.GetValueOrDefault(market.YesTokenId!.Value);
            var no = context.Quotes.GetValueOrDefault(market.NoTokenId!.Value);
            if (yes is not { HasBook: true } || no is not { HasBook: true })
            {
                skipped.Add(new SkippedMarket(market.EventId, market.MarketId, market.Question, SkipReason.NoBook, "a token has no book"));
                continue;
            }

            if (Pick(market.MarketId, yes, no, context.Portfolio, out var why) is { } buy)
            {
                signals.Add(Build(market, buy, yes, context));
            }
            else
            {
                skipped.Add(new SkippedMarket(market.EventId, market.MarketId, market.Question, SkipReason.OutsideBand, why));
            }
        }

        return new StrategyResult(signals, skipped);
    }

    public SkippedMarket? Recheck(Signal signal, Market market, OrderBook yes, OrderBook no, Portfolio portfolio, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(signal);
        ArgumentNullException.ThrowIfNull(market);
        var yesQuote = TokenQuote.From(market, yes.TokenId, "Yes", yes);
        var noQuote = TokenQuote.From(market, no.TokenId, "No", no);
        var buy = Pick(market.Id, yesQuote, noQuote, portfolio, out var why);
        return buy?.TokenId == signal.TokenId
            ? null
            : new SkippedMarket(market.EventId, market.Id, market.Question, SkipReason.OutsideBand, buy is null ? why : "the rule now buys the other token");
    }

    /// <summary>The token to buy: not held, best ask in the band, asks up to the band's top worth the stake.</summary>
    private TokenQuote? Pick(MarketId market, TokenQuote yes, TokenQuote no, Portfolio portfolio, out string why)
    {
        why = "held";
        if (portfolio.PositionIn(market) is not null)
        {
            return null;
        }

        why = $"neither best ask ({yes.BestAsk}, {no.BestAsk}) in {_minPrice}–{_maxPrice} with {_stake} USDC of asks";
        return new[] { yes, no }.FirstOrDefault(q =>
            q.BestAsk is { } ask && ask >= _minPrice && ask <= _maxPrice
            && q.Asks.Where(l => l.Price <= _maxPrice).Sum(l => l.Price * l.Size) >= _stake);
    }

    private Signal Build(MarketRow market, TokenQuote buy, TokenQuote yes, StrategyContext context)
    {
        var action = buy.TokenId == yes.TokenId ? SignalAction.BuyYes : SignalAction.BuyNo;
        var ask = buy.BestAsk!.Value;
        return new Signal
        {
            SignalId = SignalId.For(context.Day, market.MarketId, action == SignalAction.BuyYes ? "buy_yes" : "buy_no"),
            CreatedAt = context.Now,
            Strategy = Name,
            EventId = market.EventId,
            EventTitle = market.EventTitle,
            MarketId = market.MarketId,
            ConditionId = market.ConditionId,
            TokenId = buy.TokenId,
            Outcome = buy.Outcome,
            Question = market.Question,
            Action = action,
            Stake = Usdc.Create(_stake),
            Price = Price.Create(ask),
            LimitPrice = Price.Create(_maxPrice),
            YesPrice = Price.Create(yes.BestAsk ?? 1m - ask),
            YesPriceSource = "best_ask",
            Confidence = _maxPrice - ask,
            Reason = $"long shot: best ask {ask} within {_minPrice}–{_maxPrice}",
        };
    }

    private static decimal Read(IConfigurationSection section, string key, decimal fallback) =>
        section[key] is { Length: > 0 } text ? decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture) : fallback;
}
