using FsCheck.Xunit;
using Prescient.Domain.History;
using Prescient.Domain.Ids;
using Prescient.Domain.Positions;
using Prescient.Domain.Trading;
using Prescient.Domain.Values;
using Prescient.Engine.Markets;
using Prescient.Engine.Performance;
using Prescient.Engine.Positions;
using Prescient.Engine.Tests.Positions;

namespace Prescient.Engine.Tests.Performance;

/// <summary>
/// Any paper session of the ledger properties, one ledger record per day and an end of day after each
/// (the portfolio replayed to that record, valued at entry): the statistics agree with the ledger.
/// </summary>
public sealed class PerformanceProperties
{
    [Property(Arbitrary = [typeof(LedgerArbitraries)])]
    public void AnySession_StatisticsAgreeWithTheLedgerRecordByRecord(LedgerCase c)
    {
        var ledger = new LedgerRun(c).Account.Ledger
            .Select((t, i) => t with { ExecutedAt = new DateTimeOffset(PerformanceData.Day1.AddDays(i), new TimeOnly(12, 0), TimeSpan.Zero) })
            .ToArray();
        var history = ledger.Select((t, i) => Snapshot(c.InitialCash, ledger[..(i + 1)], DateOnly.FromDateTime(t.ExecutedAt.UtcDateTime))).ToArray();

        var days = PerformanceCalculator.Compute(history, ledger, c.InitialCash);

        Assert.Equal(ledger.Length, days.Count);
        var errors = new List<decimal>();
        var deepest = 0m;
        for (var i = 0; i < days.Count; i++)
        {
            var day = days[i];
            var trade = ledger[i];
            if (trade.Kind == TradeKind.Settlement)
            {
                // The position as it stood before the settlement: its entry price is the market's implied probability then.
                var entry = Portfolio.Replay(Usdc.Create(c.InitialCash), ledger[..i]).PositionIn(trade.MarketId)!.AverageEntryPrice;
                errors.Add((entry - trade.Price.Value) * (entry - trade.Price.Value));
            }

            var settlements = ledger[..(i + 1)].Where(t => t.Kind == TradeKind.Settlement).ToArray();
            Assert.Equal(1, day.Trades);
            Assert.Equal(settlements.Length, day.SettledPositions);
            Assert.Equal(
                settlements.Length == 0 ? null : PerformanceCalculator.Ratio((decimal)settlements.Count(s => s.RealizedPnl?.Value > 0m) / settlements.Length),
                day.WinRate);
            Assert.Equal(errors.Count == 0, day.BrierScore is null);
            if (day.BrierScore is { } brier)
            {
                // The entry prices differ in the 6th place at most (rounded average fills against exact cost / shares).
                var expected = errors.Sum() / errors.Count;
                Assert.True(Math.Abs(brier - expected) <= 0.00001m, $"Brier {brier}, expected about {expected}");
                Assert.InRange(brier, 0m, 1m);
            }

            Assert.Equal(PerformanceCalculator.Ratio((day.Equity / c.InitialCash) - 1m), day.CumulativeReturn);
            Assert.True(day.Drawdown <= 0m);
            deepest = Math.Min(deepest, day.Drawdown);
            Assert.Equal(deepest, day.MaxDrawdown);
            var atPeak = history[i].Equity == Math.Max(c.InitialCash, history[..(i + 1)].Max(h => h.Equity));
            Assert.True(!atPeak || day.Drawdown == 0m, $"equity {history[i].Equity} is the peak but the drawdown is {day.Drawdown}");
        }
    }

    private static PortfolioDay Snapshot(decimal initialCash, Trade[] ledger, DateOnly date)
    {
        var value = PortfolioValuation.Value(Portfolio.Replay(Usdc.Create(initialCash), ledger), new Dictionary<TokenId, Mark>(), DateTimeOffset.UnixEpoch, MarketSourceInfo.Sample);
        return PerformanceData.Snapshot(date, value.Cash, value.PositionsValue, value.RealizedPnl, value.UnrealizedPnl, value.Positions.Count);
    }
}
