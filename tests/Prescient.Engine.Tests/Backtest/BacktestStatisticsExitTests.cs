using Prescient.Domain.Ids;
using Prescient.Domain.Positions;
using Prescient.Domain.Signals;
using Prescient.Domain.Trading;
using Prescient.Domain.Values;
using Prescient.Engine.Backtest;
using Prescient.Engine.Exits;

namespace Prescient.Engine.Tests.Backtest;

/// <summary>How the statistics count sells: a position closes when its sells and settlement leave no shares.</summary>
public sealed class BacktestStatisticsExitTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Day = new(2026, 1, 5);

    [Fact]
    public void Compute_PartialExitThenSettlement_IsOneClosedPositionWithTheSumOfTheirPnl()
    {
        var (a, b, c) = (MarketId.Create("1"), MarketId.Create("2"), MarketId.Create("3"));
        var portfolio = new Portfolio(Usdc.Create(1_000m));
        var ledger = new List<Trade>();
        void Record(Trade trade)
        {
            ledger.Add(trade);
            portfolio.Apply(trade);
        }

        // a: 200 at 0.40 (cost 80), half sold at 0.50 (+10), the rest settles at 0 (−40): one position, −30.
        Record(portfolio.CreateBuy(Signal(a, Day), Fill(200m, 0.40m), Now, "sample"));
        Record(portfolio.CreateSell(a, Fill(100m, 0.50m), ExitIds.For(Day, a, ExitReason.TakeProfit), Now.AddHours(1), "sample"));
        Record(portfolio.CreateSettlement(a, Price.Create(0m), Now.AddDays(1), "sample"));

        // b: 100 at 0.30 settles at 1: +70.
        Record(portfolio.CreateBuy(Signal(b, Day), Fill(100m, 0.30m), Now, "sample"));
        Record(portfolio.CreateSettlement(b, Price.Create(1m), Now.AddDays(1), "sample"));

        // c: 100 at 0.20 stopped out at 0.10 (−10), bought again the next day at 0.60, settles at 1 (+40).
        Record(portfolio.CreateBuy(Signal(c, Day), Fill(100m, 0.20m), Now, "sample"));
        Record(portfolio.CreateSell(c, Fill(100m, 0.10m), ExitIds.For(Day, c, ExitReason.StopLoss), Now.AddHours(2), "sample"));
        Record(portfolio.CreateBuy(Signal(c, Day.AddDays(1)), Fill(100m, 0.60m), Now.AddDays(1), "sample"));
        Record(portfolio.CreateSettlement(c, Price.Create(1m), Now.AddDays(2), "sample"));

        var summary = BacktestStatistics.Compute(Result(ledger));

        Assert.Equal(4, summary.ClosedPositions);
        Assert.Equal(0.5m, summary.WinRate);
        Assert.Equal(2, summary.Sells);
        Assert.Equal(4, summary.Buys);
        Assert.Equal(new Dictionary<string, int> { ["sell_stop_loss"] = 1, ["sell_take_profit"] = 1 }, summary.Exits);
        Assert.Equal((-30m + 70m - 10m + 40m) / 4m, summary.Expectancy);
        Assert.Equal(Math.Round(110m / 40m, 6), summary.ProfitFactor);

        // Scored entries: a at 0.40 against 0, b at 0.30 against 1, c's second entry 0.60 against 1 (the stopped-out one has no outcome).
        var expected = (BacktestStatistics.LogLoss(0.40m, 0m) + BacktestStatistics.LogLoss(0.30m, 1m) + BacktestStatistics.LogLoss(0.60m, 1m)) / 3d;
        Assert.Equal(Math.Round((decimal)expected, 6), summary.LogLoss);
    }

    private static BacktestResult Result(IReadOnlyList<Trade> ledger) => new()
    {
        Request = new BacktestRequest(Day, Day.AddDays(2)),
        Strategy = "threshold",
        StrategySettings = new Dictionary<string, string>(),
        History = "test",
        Source = "sample",
        Step = TimeSpan.FromDays(1),
        InitialCash = 1_000m,
        Options = new BacktestOptions(),
        Trades = [.. ledger.Select(t => new BacktestTrade(t, FillModel.Synthetic))],
        Days = [],
        Rejections = new Dictionary<RejectionReason, int>(),
        Markets = new Dictionary<MarketId, Engine.Extraction.MarketRow>(),
        TokensWithoutMarket = 0,
        Steps = 3,
        PointsPassed = 0,
        MarketEvaluations = 0,
        Signals = 4,
        Duration = TimeSpan.Zero,
    };

    private static Signal Signal(MarketId market, DateOnly day) => new()
    {
        SignalId = SignalId.For(day, market, "buy_no"),
        CreatedAt = Now,
        Strategy = "threshold",
        EventId = EventId.Create("e" + market.Value),
        MarketId = market,
        ConditionId = ConditionId.Create("0x" + market.Value.PadLeft(64, '0')),
        TokenId = TokenId.Create("2" + market.Value.PadLeft(76, '0')),
        Outcome = "No",
        Question = "Will " + market.Value + " happen?",
        Action = SignalAction.BuyNo,
        Stake = Usdc.Create(100m),
        Price = Price.Create(0.4m),
        LimitPrice = Price.Create(0.9m),
        YesPrice = Price.Create(0.6m),
        YesPriceSource = "mid",
        Confidence = 0.1m,
        Reason = "test",
    };

    private static Fill Fill(decimal shares, decimal price) =>
        new(Shares.Create(shares), Price.Create(price), Usdc.Create(shares * price), Usdc.Zero, Price.Create(price), Usdc.Zero, [new FillLevel(Price.Create(price), Shares.Create(shares))], Now);
}
