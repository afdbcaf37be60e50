using Prescient.Domain.Ids;
using Prescient.Domain.Positions;
using Prescient.Domain.Signals;
using Prescient.Domain.Trading;
using Prescient.Domain.Values;

namespace Prescient.Domain.Tests.Positions;

public sealed class PortfolioTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
    private static readonly MarketId Market = MarketId.Create("516926");
    private static readonly TokenId No = TokenId.Create("2" + new string('0', 75) + "1");
    private static readonly TokenId Yes = TokenId.Create("1" + new string('0', 75) + "1");

    [Fact]
    public void CreateBuy_ChangesNothingUntilApplied()
    {
        var portfolio = new Portfolio(Usdc.Create(1_000m));

        var trade = portfolio.CreateBuy(Signal(), Fill(200m, 0.4m, fees: 0.6m), Now, "sample");

        Assert.Equal((TradeId.ForSequence(1), 1_000m - 80m - 0.6m), (trade.TradeId, trade.CashAfter.Value));
        Assert.Equal((1_000m, 0, (PositionState?)null), (portfolio.Cash.Value, portfolio.TradeCount, PositionState.Of(portfolio.PositionIn(Market))));

        portfolio.Apply(trade);

        Assert.Equal(919.4m, portfolio.Cash.Value);
        Assert.Equal(0.6m, portfolio.FeesPaid.Value);
        Assert.Equal(80m, portfolio.TotalBought.Value);
        Assert.Equal(80.6m, portfolio.Exposure.Value);
        Assert.Equal(80.6m, portfolio.ExposureIn(EventId.Create("1")).Value);
        Assert.Equal(TradeId.ForSequence(2), portfolio.NextTradeId);
        Assert.True(portfolio.HasExecuted(Signal().SignalId));
        var position = Assert.Single(portfolio.Positions);
        Assert.Equal(new PositionState(No, 200m, 80m, 0.6m, 0.4m), PositionState.Of(position));
    }

    [Fact]
    public void Apply_PartialSell_ReleasesCostAndFeesInProportionAndRealizesTheDifference()
    {
        var portfolio = Bought(300m, 0.4m, fees: 0.3m);

        var sell = portfolio.CreateSell(Market, Fill(100m, 0.5m, fees: 0.1m), null, Now, "sample");
        portfolio.Apply(sell);

        // released: cost 120 × 100/300 = 40, fees 0.3 × 100/300 = 0.1; realized = 50 − 0.1 − 40 − 0.1
        Assert.Equal(9.8m, sell.RealizedPnl?.Value);
        Assert.Equal(9.8m, portfolio.RealizedPnl.Value);
        Assert.Equal(new PositionState(No, 200m, 80m, 0.2m, 0.4m), PositionState.Of(portfolio.PositionIn(Market)));
        Assert.Equal(1_000m - 120.3m + 50m - 0.1m, portfolio.Cash.Value);
    }

    [Fact]
    public void Apply_Settlement_ClosesThePositionWithRealizedPnl()
    {
        var portfolio = Bought(300m, 0.4m, fees: 0.3m);

        var settlement = portfolio.CreateSettlement(Market, Price.Create(1m), Now.AddDays(3), "sample");
        portfolio.Apply(settlement);

        Assert.Equal((TradeKind.Settlement, 300m, 1m, 300m, 0m, (decimal?)179.7m), (settlement.Kind, settlement.Shares.Value, settlement.Price.Value, settlement.Cost.Value, settlement.Fees.Value, settlement.RealizedPnl?.Value));
        Assert.Null(portfolio.PositionIn(Market));
        Assert.Equal(300m, portfolio.TotalPayouts.Value);
        Assert.Equal(179.7m, portfolio.RealizedPnl.Value);
        Assert.Equal(1_179.7m, portfolio.Cash.Value);
        Assert.Equal(portfolio.InitialCash + portfolio.RealizedPnl, portfolio.Cash + portfolio.Exposure);
    }

    [Fact]
    public void CreateSettlement_PayoutNotOneZeroOrHalf_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Bought(10m, 0.4m).CreateSettlement(Market, Price.Create(0.7m), Now, "sample"));
    }

    [Fact]
    public void Apply_CashAfterOffByOneMicroUsdc_ThrowsAndChangesNothing()
    {
        var portfolio = Bought(10m, 0.4m);
        var next = portfolio.CreateSell(Market, Fill(5m, 0.5m), null, Now, "sample");

        AssertRefused(portfolio, next with { CashAfter = next.CashAfter + Usdc.Create(0.000001m) }, "cash_after 998.500001 but the ledger gives 998.5");
    }

    [Fact]
    public void Apply_SignalAlreadyExecuted_ThrowsAndChangesNothing()
    {
        var portfolio = Bought(10m, 0.4m);
        var again = portfolio.CreateBuy(Signal(), Fill(10m, 0.4m), Now, "sample");

        AssertRefused(portfolio, again, "already executed");
    }

    [Fact]
    public void Apply_SellOfMoreThanHeld_ThrowsAndChangesNothing()
    {
        var portfolio = Bought(10m, 0.4m);

        AssertRefused(portfolio, portfolio.CreateSell(Market, Fill(10.01m, 0.5m), null, Now, "sample"), "sells 10.01 shares of 10 held");
    }

    [Fact]
    public void Apply_OutOfSequenceId_ThrowsAndChangesNothing()
    {
        var portfolio = Bought(10m, 0.4m);
        var sell = portfolio.CreateSell(Market, Fill(5m, 0.5m), null, Now, "sample");

        AssertRefused(portfolio, sell with { TradeId = TradeId.ForSequence(3) }, "expected id T000002");
    }

    [Fact]
    public void Apply_SettlementWithFeeOrWrongPayout_ThrowsAndChangesNothing()
    {
        var portfolio = Bought(10m, 0.4m);
        var settlement = portfolio.CreateSettlement(Market, Price.Create(1m), Now, "sample");

        AssertRefused(portfolio, settlement with { Price = Price.Create(0.7m), Cost = Usdc.Create(7m), CashAfter = portfolio.Cash + Usdc.Create(7m) }, "a settlement pays");
        AssertRefused(portfolio, settlement with { RealizedPnl = Usdc.Create(7m) }, "realized_pnl 7");
    }

    [Fact]
    public void Apply_BuyOfTheOtherTokenOfAHeldMarket_ThrowsAndChangesNothing()
    {
        var portfolio = Bought(10m, 0.4m);
        var yes = portfolio.CreateBuy(Signal("buy_yes") with { TokenId = Yes }, Fill(10m, 0.6m), Now, "sample");

        AssertRefused(portfolio, yes, "other token");
    }

    [Fact]
    public void Apply_BuyBeyondCash_ThrowsAndChangesNothing()
    {
        var portfolio = new Portfolio(Usdc.Create(1m));

        AssertRefused(portfolio, portfolio.CreateBuy(Signal(), Fill(10m, 0.4m), Now, "sample"), "cash would be -3");
    }

    [Fact]
    public void Apply_UnknownKind_ThrowsAndChangesNothing()
    {
        var portfolio = Bought(10m, 0.4m);
        var settlement = portfolio.CreateSettlement(Market, Price.Create(1m), Now, "sample");

        AssertRefused(portfolio, settlement with { Kind = (TradeKind)7 }, "unknown kind 7");
    }

    [Fact]
    public void Replay_TheAppliedRecords_RebuildsTheSameState()
    {
        var live = new Portfolio(Usdc.Create(1_000m));
        var ledger = new List<Trade>();
        void Record(Trade t)
        {
            ledger.Add(t);
            live.Apply(t);
        }

        Record(live.CreateBuy(Signal(), Fill(300m, 0.4m, fees: 0.3m), Now, "sample"));
        Record(live.CreateSell(Market, Fill(100m, 0.5m, fees: 0.1m), null, Now.AddHours(1), "sample"));
        Record(live.CreateSettlement(Market, Price.Create(0.5m), Now.AddDays(1), "sample"));

        var replayed = Portfolio.Replay(Usdc.Create(1_000m), ledger);

        Assert.Equal(Fingerprint(live), Fingerprint(replayed));
        Assert.Equal(1_000m - 120.3m + 49.9m + 100m, replayed.Cash.Value);
    }

    private static Portfolio Bought(decimal shares, decimal price, decimal fees = 0m)
    {
        var portfolio = new Portfolio(Usdc.Create(1_000m));
        portfolio.Apply(portfolio.CreateBuy(Signal(), Fill(shares, price, fees), Now, "sample"));
        return portfolio;
    }

    private static Signal Signal(string action = "buy_no") => new()
    {
        SignalId = SignalId.For(new DateOnly(2026, 11, 25), Market, action),
        CreatedAt = Now,
        Strategy = "threshold",
        EventId = EventId.Create("1"),
        MarketId = Market,
        ConditionId = ConditionId.Create("0x" + new string('a', 64)),
        TokenId = No,
        Outcome = "No",
        Question = "Will it happen?",
        Action = action == "buy_no" ? SignalAction.BuyNo : SignalAction.BuyYes,
        Stake = Usdc.Create(100m),
        Price = Price.Create(0.4m),
        LimitPrice = Price.Create(0.5m),
        YesPrice = Price.Create(0.6m),
        YesPriceSource = "mid",
        Confidence = 0.1m,
        Reason = "YES mid 0.6 is above 0.5",
    };

    /// <summary>A one-level fill: <paramref name="shares"/> at <paramref name="price"/>.</summary>
    private static Fill Fill(decimal shares, decimal price, decimal fees = 0m) =>
        new(Shares.Create(shares), Price.Create(price), Usdc.Create(shares * price), Usdc.Create(fees), Price.Create(price), Usdc.Zero, [new FillLevel(Price.Create(price), Shares.Create(shares))], Now);

    private static void AssertRefused(Portfolio portfolio, Trade tampered, string problem)
    {
        var before = Fingerprint(portfolio);

        var error = Assert.Throws<LedgerInconsistencyException>(() => portfolio.Apply(tampered));

        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.Equal(before, Fingerprint(portfolio));
    }

    private static string Fingerprint(Portfolio p) =>
        string.Join(" | ", p.Cash, p.RealizedPnl, p.FeesPaid, p.TotalBought, p.TotalSold, p.TotalPayouts, p.TradeCount, p.LastTradeId, p.Exposure, string.Join("; ", p.Positions));

    private sealed record PositionState(TokenId Token, decimal Shares, decimal Cost, decimal Fees, decimal AverageEntry)
    {
        public static PositionState? Of(Position? p) => p is null ? null : new(p.TokenId, p.Shares.Value, p.Cost.Value, p.Fees.Value, p.AverageEntryPrice);
    }
}
