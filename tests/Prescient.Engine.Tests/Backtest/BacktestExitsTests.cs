using Prescient.Domain.Positions;
using Prescient.Domain.Trading;
using Prescient.Domain.Values;
using Prescient.Engine.Backtest;
using Prescient.Engine.Exits;

namespace Prescient.Engine.Tests.Backtest;

/// <summary>
/// The exit rules inside a synthetic backtest, on hourly steps: the default threshold strategy buys NO
/// at 0.31 (the YES price 0.70, YES bid 0.69) with $100, about 320 shares, on the first step; the YES
/// price then moves at hour 30 (2026-01-02 06:00 UTC) and the held NO token's synthetic bid with it.
/// </summary>
public sealed class BacktestExitsTests
{
    private static readonly BacktestOptions Hourly = new() { Step = TimeSpan.FromHours(1) };
    private static readonly DateTimeOffset Crossing = BacktestHarness.Start.AddHours(30);

    [Fact]
    public async Task RunAsync_TakeProfit_SellsOnceWhenTheBidCrossesAndDoesNotBuyBackThatDay()
    {
        var harness = new BacktestHarness();
        var row = harness.AddMarket("e1", "1", h => h < 30 ? 0.70m : 0.55m, hours: 24 * 4);

        // YES 0.55: YES ask 0.56, so the NO bid is 0.44 ≥ the target 0.312 × 1.2 = 0.3744.
        var result = await harness.RunAsync(days: 4, options: Hourly, exits: new ExitOptions { TakeProfit = 0.20m });

        var sell = Assert.Single(result.Trades, t => t.Trade.Kind == TradeKind.Sell);
        Assert.Equal(Crossing, sell.Trade.ExecutedAt);
        Assert.Equal("20260102-1-sell_take_profit", sell.Trade.SignalId!.Value.Value);
        Assert.Equal(row.NoTokenId, sell.Trade.TokenId);
        Assert.Equal(FillModel.Synthetic, sell.FillModel);
        Assert.Equal(0.44m, sell.Trade.BestPrice!.Value.Value);
        Assert.True(sell.Trade.RealizedPnl!.Value.Value > 0m);

        // The first buy is sold whole; the same day's signals are refused, and the next day buys again at the new price.
        var buys = result.Trades.Where(t => t.Trade.Kind == TradeKind.Buy).ToArray();
        Assert.Equal(2, buys.Length);
        Assert.Equal(sell.Trade.Shares, buys[0].Trade.Shares);
        Assert.Equal(new DateTimeOffset(2026, 1, 3, 0, 0, 0, TimeSpan.Zero), buys[1].Trade.ExecutedAt);
        Assert.Equal(18, result.Rejections[RejectionReason.ExitedToday]);

        var ledger = result.Trades.Select(t => t.Trade).ToArray();
        Assert.Equal(result.Days[^1].Cash, Portfolio.Replay(Usdc.Create(10_000m), ledger).Cash.Value);
        var summary = BacktestStatistics.Compute(result);
        Assert.Equal(1, summary.Sells);
        Assert.Equal(1, summary.Exits["sell_take_profit"]);
        Assert.Equal(1, summary.ClosedPositions);
        Assert.Equal(1m, summary.WinRate);
    }

    [Fact]
    public async Task RunAsync_StopLoss_SellsAtALossWhenTheBidFallsToTheStop()
    {
        var harness = new BacktestHarness();
        harness.AddMarket("e1", "1", h => h < 30 ? 0.70m : 0.85m, hours: 24 * 3);

        // YES 0.85: YES ask 0.86, NO bid 0.14 ≤ 0.312 × 0.7 = 0.2184; above the stop the rule waits.
        var result = await harness.RunAsync(days: 2, options: Hourly, exits: new ExitOptions { StopLoss = 0.30m, TakeProfit = 0.50m });

        var sell = Assert.Single(result.Trades, t => t.Trade.Kind == TradeKind.Sell);
        Assert.Equal(Crossing, sell.Trade.ExecutedAt);
        Assert.Equal("20260102-1-sell_stop_loss", sell.Trade.SignalId!.Value.Value);
        Assert.Equal(0.14m, sell.Trade.BestPrice!.Value.Value);
        Assert.True(sell.Trade.RealizedPnl!.Value.Value < 0m);
        Assert.Equal(0, result.Days[^1].OpenPositions);
        Assert.Equal(0m, BacktestStatistics.Compute(result).WinRate);
    }

    [Fact]
    public async Task RunAsync_ThinBids_SellPartOnTheDayTheRuleFiresAndTheRestTheNextDay_OnePositionClosed()
    {
        var harness = new BacktestHarness();
        harness.AddMarket("e1", "1", h => h < 30 ? 0.70m : 0.97m, hours: 24 * 3);

        // 100 shares a level: the buy takes the NO asks 0.31, 0.32, 0.33 (300 shares); at YES 0.97 the NO
        // book has two bids (0.02, 0.01: the YES asks stop at 0.99), so the stop loss sells 200, then 100 the next day.
        var strategy = new Engine.Signals.ThresholdStrategy(Microsoft.Extensions.Options.Options.Create(new Engine.Signals.ThresholdStrategyOptions { MinBookDepth = 50m }));
        var result = await harness.RunAsync(days: 3, strategy: strategy, options: Hourly with { LevelShares = 100m }, exits: new ExitOptions { StopLoss = 0.30m });

        var buy = Assert.Single(result.Trades, t => t.Trade.Kind == TradeKind.Buy);
        Assert.Equal(300m, buy.Trade.Shares.Value);
        var sells = result.Trades.Where(t => t.Trade.Kind == TradeKind.Sell).Select(t => t.Trade).ToArray();
        Assert.Equal(2, sells.Length);
        Assert.Equal((Crossing, 200m, "20260102-1-sell_stop_loss"), (sells[0].ExecutedAt, sells[0].Shares.Value, sells[0].SignalId!.Value.Value));
        Assert.Equal((new DateTimeOffset(2026, 1, 3, 0, 0, 0, TimeSpan.Zero), 100m, "20260103-1-sell_stop_loss"), (sells[1].ExecutedAt, sells[1].Shares.Value, sells[1].SignalId!.Value.Value));
        Assert.Equal(0, result.Days[^1].OpenPositions);

        var summary = BacktestStatistics.Compute(result);
        Assert.Equal(2, summary.Sells);
        Assert.Equal(1, summary.ClosedPositions);
        Assert.Equal(sells.Sum(s => s.RealizedPnl!.Value.Value), summary.Expectancy);
    }

    [Fact]
    public async Task RunAsync_HoursBeforeEnd_SellsTheGivenHoursBeforeTheMarketsEndDate()
    {
        var harness = new BacktestHarness();
        harness.AddMarket("e1", "1", _ => 0.70m, hours: 24 * 3);
        var end = BacktestHarness.Start.AddDays(3).AddHours(12);
        harness.Rows[0] = harness.Rows[0] with { EndDate = end };

        var result = await harness.RunAsync(days: 3, options: Hourly, exits: new ExitOptions { HoursBeforeEnd = 36m });

        var sell = Assert.Single(result.Trades, t => t.Trade.Kind == TradeKind.Sell);
        Assert.Equal(end.AddHours(-36), sell.Trade.ExecutedAt);
        Assert.Equal("20260103-1-sell_before_end", sell.Trade.SignalId!.Value.Value);

        // At an unchanged price the sell gives back the spread: bought at the NO ask, sold at the NO bid.
        Assert.Equal(0.29m, sell.Trade.BestPrice!.Value.Value);
        Assert.Single(result.Trades, t => t.Trade.Kind == TradeKind.Buy);
    }

    [Fact]
    public async Task RunAsync_ExitsOffOrNeverFiring_GivesTheTradesAndDaysOfABacktestWithoutExits()
    {
        var harness = new BacktestHarness();
        for (var m = 1; m <= 6; m++)
        {
            var shift = m;
            harness.AddMarket("e" + (m % 3), m.ToString(System.Globalization.CultureInfo.InvariantCulture), h => 0.40m + (((h * shift) % 40) / 100m), hours: 24 * 20, resolvesYes: m % 2);
        }

        var without = await harness.RunAsync(days: 25, options: Hourly);
        var off = await harness.RunAsync(days: 25, options: Hourly, exits: new ExitOptions());
        var never = await harness.RunAsync(days: 25, options: Hourly, exits: new ExitOptions { TakeProfit = 10m });

        Assert.Contains(without.Trades, t => t.Trade.Kind == TradeKind.Settlement);
        Assert.DoesNotContain(without.Trades, t => t.Trade.Kind == TradeKind.Sell);
        foreach (var other in new[] { off, never })
        {
            Assert.Equal(without.Trades.Select(t => t.ToString()), other.Trades.Select(t => t.ToString()));
            Assert.Equal(without.Days.Select(d => d.ToString()), other.Days.Select(d => d.ToString()));
            Assert.Equal(without.Rejections.OrderBy(r => r.Key), other.Rejections.OrderBy(r => r.Key));
        }
    }

    [Fact]
    public async Task RunAsync_ExitsOnAMovingMarket_KeepTheLedgerIdentityAndSellAMarketAtMostOnceADay()
    {
        var harness = new BacktestHarness();
        for (var m = 1; m <= 6; m++)
        {
            var shift = m;
            harness.AddMarket("e" + m, m.ToString(System.Globalization.CultureInfo.InvariantCulture), h => 0.45m + (((h * shift) % 45) / 100m), hours: 24 * 20, resolvesYes: m % 2);
        }

        var result = await harness.RunAsync(days: 25, options: Hourly, exits: new ExitOptions { TakeProfit = 0.15m, StopLoss = 0.15m });

        var ledger = result.Trades.Select(t => t.Trade).ToArray();
        var sells = ledger.Where(t => t.Kind == TradeKind.Sell).ToArray();
        Assert.True(sells.Length >= 6);
        Assert.Equal(sells.Length, sells.Select(s => (s.MarketId, Day: s.ExecutedAt.UtcDateTime.Date)).Distinct().Count());
        var cash = 10_000m - ledger.Where(t => t.Kind == TradeKind.Buy).Sum(t => t.Cost.Value + t.Fees.Value)
            + sells.Sum(t => t.Cost.Value - t.Fees.Value) + ledger.Where(t => t.Kind == TradeKind.Settlement).Sum(t => t.Cost.Value);
        Assert.Equal(cash, Portfolio.Replay(Usdc.Create(10_000m), ledger).Cash.Value);
        Assert.Equal(cash, result.Days[^1].Cash);
        var summary = BacktestStatistics.Compute(result);
        Assert.Equal(sells.Length, summary.Sells);
        Assert.Equal(sells.Length, summary.Exits.Values.Sum());
    }
}
