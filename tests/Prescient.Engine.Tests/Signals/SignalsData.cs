using Microsoft.Extensions.Options;
using Prescient.Domain.Books;
using Prescient.Domain.Ids;
using Prescient.Domain.Positions;
using Prescient.Domain.Signals;
using Prescient.Domain.Trading;
using Prescient.Domain.Values;
using Prescient.Engine.Extraction;
using Prescient.Engine.Quotes;
using Prescient.Engine.Signals;
using Prescient.Testing.Builders;

namespace Prescient.Engine.Tests.Signals;

/// <summary>Extracted markets and their quotes, built the way the refresh builds them (TokenQuote.From over an OrderBook).</summary>
internal static class SignalsData
{
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    /// <summary>An open binary market of event <paramref name="eventId"/> that accepts orders, tick 0.01, liquidity 5,000 USDC.</summary>
    public static MarketRow Row(string eventId, string marketId, Func<MarketRow, MarketRow>? change = null)
    {
        var row = MarketRows.Binary(eventId, marketId, Now);
        return change is null ? row : change(row);
    }

    /// <summary>
    /// A two-sided YES book (best bid, best ask, then one tick worse on each side, <paramref name="size"/>
    /// shares a level) and the NO book mirroring it (NO ask = 1 − YES bid), as the exchange shows them.
    /// </summary>
    public static TokenQuote[] TwoSided(MarketRow market, decimal yesBid, decimal yesAsk, decimal size = 1_000m, decimal? lastTrade = null)
    {
        var yesBids = new[] { new BookLevel(yesBid, size), new BookLevel(yesBid - 0.01m, size) };
        var yesAsks = new[] { new BookLevel(yesAsk, size), new BookLevel(yesAsk + 0.01m, size) };
        var yes = OrderBook.Create(market.YesTokenId!.Value, market.ConditionId, yesBids, yesAsks) with { LastTradePrice = lastTrade, TickSize = market.TickSize };
        var no = OrderBook.Create(market.NoTokenId!.Value, market.ConditionId, Mirror(yesAsks), Mirror(yesBids)) with
        {
            LastTradePrice = 1 - lastTrade,
            TickSize = market.TickSize,
        };
        return [Yes(market, yes), No(market, no)];
    }

    public static TokenQuote Yes(MarketRow market, OrderBook? book) => TokenQuote.From(market, market.YesTokenId!.Value, "Yes", book);

    public static TokenQuote No(MarketRow market, OrderBook? book) => TokenQuote.From(market, market.NoTokenId!.Value, "No", book);

    public static OrderBook Book(TokenId token, IEnumerable<(decimal Price, decimal Size)> bids, IEnumerable<(decimal Price, decimal Size)> asks) =>
        OrderBook.Create(token, null, bids.Select(l => new BookLevel(l.Price, l.Size)), asks.Select(l => new BookLevel(l.Price, l.Size)));

    public static StrategyContext Context(IEnumerable<MarketRow> markets, IEnumerable<TokenQuote> quotes, Portfolio? portfolio = null, DateTimeOffset? now = null) =>
        new(markets.ToArray(), quotes.ToDictionary(q => q.TokenId), portfolio ?? new Portfolio(Usdc.Create(10_000m)), now ?? Now);

    public static ThresholdStrategy Strategy(ThresholdStrategyOptions? options = null) => new(Options.Create(options ?? new ThresholdStrategyOptions()));

    /// <summary>A portfolio holding <paramref name="shares"/> NO shares of <paramref name="market"/> bought at 0.40, through the ledger's own methods.</summary>
    public static Portfolio Holding(MarketRow market, decimal shares = 250m)
    {
        var portfolio = new Portfolio(Usdc.Create(10_000m));
        portfolio.Apply(Buy(portfolio, market, shares));
        return portfolio;
    }

    /// <summary>The ledger record of a NO buy of <paramref name="shares"/> at 0.40 in <paramref name="market"/>, next in <paramref name="portfolio"/>.</summary>
    public static Trade Buy(Portfolio portfolio, MarketRow market, decimal shares = 250m)
    {
        var signal = new Signal
        {
            SignalId = SignalId.For(new DateOnly(2026, 11, 20), market.MarketId, "buy_no"),
            CreatedAt = Now.AddDays(-5),
            Strategy = "threshold",
            EventId = market.EventId,
            MarketId = market.MarketId,
            ConditionId = market.ConditionId,
            TokenId = market.NoTokenId!.Value,
            Outcome = "No",
            Question = market.Question,
            Action = SignalAction.BuyNo,
            Stake = Usdc.Create(100m),
            Price = Price.Create(0.40m),
            LimitPrice = Price.Create(0.95m),
            YesPrice = Price.Create(0.61m),
            YesPriceSource = "mid",
            Confidence = 0.11m,
            Reason = "test",
        };
        var fill = new Fill(Shares.Create(shares), Price.Create(0.40m), Usdc.Create(shares * 0.40m), Usdc.Create(0m), Price.Create(0.40m), Usdc.Create(0m), [new FillLevel(Price.Create(0.40m), Shares.Create(shares))], Now.AddDays(-5));
        return portfolio.CreateBuy(signal, fill, Now.AddDays(-5), "sample");
    }

    private static BookLevel[] Mirror(IEnumerable<BookLevel> side) => side.Select(l => new BookLevel(1 - l.Price, l.Size)).ToArray();
}
