using Prescient.Domain.Values;
using System.Globalization;
using Microsoft.Extensions.Options;
using Prescient.Domain.Books;
using Prescient.Domain.Ids;
using Prescient.Domain.Markets;
using Prescient.Domain.Positions;
using Prescient.Domain.Signals;
using Prescient.Domain.Trading;
using Prescient.Engine.Extraction;
using Prescient.Engine.Markets;
using Prescient.Engine.Signals;
using Prescient.Engine.Trading;
using Prescient.Testing.Builders;
using Prescient.Testing.Fakes;

namespace Prescient.Engine.Tests.Trading;

/// <summary>Markets, books and signals for trading tests: an open binary market with a 0.01 tick and a 5-share minimum, a NO-buying signal.</summary>
internal static class TradingData
{
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
    public static readonly DateOnly Today = DateOnly.FromDateTime(Now.UtcDateTime);
    private static int s_next = 5000;

    public static MarketRow Row(string eventId = "1", Func<MarketRow, MarketRow>? change = null)
    {
        var n = Interlocked.Increment(ref s_next).ToString(CultureInfo.InvariantCulture);
        var row = MarketRows.Binary(eventId, n, Now);
        return change is null ? row : change(row);
    }

    public static Signal BuyNo(MarketRow row, decimal stake = 100m, decimal limit = 0.99m, DateOnly? day = null, decimal price = 0.5m) => new()
    {
        SignalId = SignalId.For(day ?? Today, row.MarketId, "buy_no"),
        CreatedAt = Now,
        Strategy = "threshold",
        EventId = row.EventId,
        MarketId = row.MarketId,
        ConditionId = row.ConditionId,
        TokenId = row.NoTokenId!.Value,
        Outcome = "No",
        Question = row.Question,
        Action = SignalAction.BuyNo,
        Stake = Usdc.Create(stake),
        Price = Price.Create(price),
        LimitPrice = Price.Create(limit),
        YesPrice = Price.Create(0.5m),
        YesPriceSource = "mid",
        Confidence = 0m,
        Reason = "test",
    };

    /// <summary>A book for <paramref name="token"/> from (price, size) pairs, stamped at <paramref name="at"/>.</summary>
    public static OrderBook Book(TokenId token, DateTimeOffset? at, (decimal Price, decimal Size)[] asks, (decimal Price, decimal Size)[]? bids = null) =>
        OrderBook.Create(
            token,
            null,
            (bids ?? []).Select(l => new BookLevel(l.Price, l.Size)),
            asks.Select(l => new BookLevel(l.Price, l.Size))) with { Timestamp = at, TickSize = 0.01m, MinOrderSize = 5m };

    /// <summary>A ghost book (py-clob-client#180): one bid at 0.01 and one ask at 0.99, stamped <paramref name="at"/> like any reply.</summary>
    public static OrderBook Ghost(TokenId token, DateTimeOffset? at) => Book(token, at, [(0.99m, 10_000m)], [(0.01m, 10_000m)]);

    /// <summary>The NO book of <paramref name="row"/>, fresh at <see cref="Now"/>.</summary>
    public static OrderBook NoBook(MarketRow row, params (decimal Price, decimal Size)[] asks) => Book(row.NoTokenId!.Value, Now, asks);

    /// <summary>An executor whose strategy's rule always still holds at execution (a <see cref="FakeStrategy"/>) unless <paramref name="strategy"/> is given.</summary>
    public static PaperExecutor Executor(TradingOptions? options = null, IStrategy? strategy = null) =>
        new(Options.Create(options ?? new TradingOptions()), strategy ?? new FakeStrategy());

    /// <summary>
    /// The book the exchange shows for the other token of a binary market: the same orders seen from
    /// the other side (its bids at 1 − <paramref name="book"/>'s asks, its asks at 1 − its bids), same time and sizes.
    /// </summary>
    public static OrderBook Mirror(OrderBook book, TokenId other) =>
        OrderBook.Create(
            other,
            book.ConditionId,
            book.Asks.Select(l => new BookLevel(1m - l.Price, l.Size)),
            book.Bids.Select(l => new BookLevel(1m - l.Price, l.Size))) with { Timestamp = book.Timestamp, TickSize = book.TickSize, MinOrderSize = book.MinOrderSize };

    /// <summary><see cref="PaperExecutor.Decide"/> with the other token's book the mirror of <paramref name="book"/>, as a consistent exchange shows it.</summary>
    public static ExecutionDecision DecideMirrored(this PaperExecutor executor, Signal signal, MarketRow? market, OrderBook? book, Portfolio portfolio, DateTimeOffset now, string source, FeeSettings? fees = null)
    {
        ArgumentNullException.ThrowIfNull(executor);
        var domain = market?.ToMarket();
        var other = BookGuard.ComplementOf(domain, signal.TokenId);
        var complement = book is not null && other is { } token ? Mirror(book, token) : null;
        return executor.Decide(signal, domain, book, complement, portfolio, now, source, fees);
    }

    /// <summary>What a lookup of <paramref name="row"/>'s market gives while it trades: open on Gamma, no CLOB view.</summary>
    public static MarketLookup OpenLookup(MarketRow row) => new(Market(row, closed: false, yesPrice: 0.5m), null);

    /// <summary>A lookup of <paramref name="row"/>'s market after it resolved, Gamma and the CLOB agreeing.</summary>
    public static MarketLookup ResolvedLookup(MarketRow row, bool noWon)
    {
        var winner = noWon ? row.NoTokenId!.Value : row.YesTokenId!.Value;
        return new MarketLookup(
            Market(row, closed: true, yesPrice: noWon ? 0m : 1m),
            new ClobMarketView(row.ConditionId, Closed: true, AcceptingOrders: false, [winner], Is5050: false));
    }

    /// <summary>A lookup of <paramref name="row"/>'s market closed with its resolution pending: Gamma's closing prices, no CLOB winner yet.</summary>
    public static MarketLookup PendingLookup(MarketRow row, decimal yesPrice) =>
        new(Market(row, closed: true, yesPrice), new ClobMarketView(row.ConditionId, Closed: true, AcceptingOrders: false, [], Is5050: false));

    private static Market Market(MarketRow row, bool closed, decimal yesPrice) => new()
    {
        Id = row.MarketId,
        EventId = row.EventId,
        ConditionId = row.ConditionId,
        Question = row.Question,
        Outcomes = [new Outcome("Yes", row.YesTokenId, yesPrice), new Outcome("No", row.NoTokenId, 1m - yesPrice)],
        Active = true,
        Closed = closed,
        AcceptingOrders = !closed,
        EnableOrderBook = true,
    };

    /// <summary>An account of <paramref name="cash"/> that bought 100 USDC of NO in market 8 (event 8) at 0.50.</summary>
    public static Portfolio HoldingOne(PaperExecutor executor, decimal cash)
    {
        var held = Row("8");
        var portfolio = new Portfolio(Usdc.Create(cash));
        portfolio.Apply(executor.DecideMirrored(BuyNo(held), held, NoBook(held, (0.50m, 1_000m)), portfolio, Now, "sample").Trade!);
        return portfolio;
    }

    public static void AssertRejected(RejectionReason reason, ExecutionDecision decision, string detailContains)
    {
        Assert.False(decision.IsTrade, "expected a rejection, got a trade");
        Assert.Null(decision.Fill);
        Assert.Equal(reason, decision.Rejection.Reason);
        Assert.Contains(detailContains, decision.Rejection.Detail, StringComparison.Ordinal);
    }
}
