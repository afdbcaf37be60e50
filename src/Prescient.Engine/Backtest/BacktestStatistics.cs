using System.Globalization;
using Prescient.Domain.Ids;
using Prescient.Domain.Trading;
using Prescient.Engine.Exits;
using Prescient.Engine.Performance;

namespace Prescient.Engine.Backtest;

/// <summary>
/// The statistics of a <see cref="BacktestResult"/>. Daily figures come from <see cref="PerformanceCalculator"/>
/// (the same returns, drawdowns, Brier score and calibration as <c>performance_daily.csv</c>); the
/// rest is here. Pure; money stays decimal, <c>double</c> only inside the square roots and logarithms.
/// A position is closed when the sells and the settlement after its buys leave no shares: its realized
/// P&amp;L is the sum of theirs, so a partial exit and the settlement of the rest count as one position.
/// </summary>
public static class BacktestStatistics
{
    private const double DaysPerYear = 365d;
    private const string Uncategorised = "(no category)";

    public static BacktestSummary Compute(BacktestResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var ledger = result.Trades.Select(t => t.Trade).ToArray();
        var days = PerformanceCalculator.Compute(result.Days, ledger, result.InitialCash);
        var final = days.Count == 0 ? result.InitialCash : days[^1].Equity;
        var returns = days.Where(d => d.DailyReturn is not null).Select(d => (double)d.DailyReturn!.Value).ToArray();
        var closed = Closed(ledger);
        var wins = closed.Where(c => c.Pnl > 0m).Sum(c => c.Pnl);
        var losses = -closed.Where(c => c.Pnl < 0m).Sum(c => c.Pnl);
        var entries = Entries(ledger);
        var meanEquity = result.Days.Count == 0 ? result.InitialCash : result.Days.Average(d => d.Equity);
        var traded = ledger.Where(t => t.Kind != TradeKind.Settlement).Sum(t => t.Cost.Value);
        return new BacktestSummary
        {
            InitialCash = result.InitialCash,
            FinalEquity = final,
            TotalReturn = Ratio(result.InitialCash == 0m ? 0m : (final / result.InitialCash) - 1m),
            Cagr = Cagr(result.InitialCash, final, days.Count),
            MaxDrawdown = days.Count == 0 ? 0m : days[^1].MaxDrawdown,
            MaxDrawdownDays = DrawdownDays(days.Select(d => d.Equity), result.InitialCash),
            Sharpe = Sharpe(returns),
            Sortino = Sortino(returns),
            WinRate = closed.Count == 0 ? null : Ratio((decimal)closed.Count(c => c.Pnl > 0m) / closed.Count),
            ProfitFactor = losses == 0m ? null : Ratio(wins / losses),
            Expectancy = closed.Count == 0 ? null : Ratio((wins - losses) / closed.Count),
            Exposure = result.Days.Count == 0 ? 0m : Ratio(result.Days.Average(d => d.Equity == 0m ? 0m : d.Exposure / d.Equity)),
            Turnover = meanEquity == 0m ? 0m : Ratio(traded / meanEquity),
            FeesPaid = ledger.Sum(t => t.Fees.Value),
            SlippagePaid = ledger.Where(t => t.Slippage is not null).Sum(t => t.Slippage!.Value.Value * t.Shares.Value),
            BrierScore = days.Count == 0 ? null : days[^1].BrierScore,
            LogLoss = entries.Count == 0 ? null : Ratio((decimal)entries.Average(e => LogLoss(e.Price, e.Outcome))),
            Days = days.Count,
            Buys = ledger.Count(t => t.Kind == TradeKind.Buy),
            Sells = ledger.Count(t => t.Kind == TradeKind.Sell),
            Exits = Exits(ledger),
            Settlements = ledger.Count(t => t.Kind == TradeKind.Settlement),
            ClosedPositions = closed.Count,
            OpenPositions = result.Days.Count == 0 ? 0 : result.Days[^1].OpenPositions,
            Calibration = PerformanceCalculator.Calibration(ledger),
            ByCategory = Groups(closed, t => CategoryOf(result, t)),
            ByMonth = Groups(closed, t => t.ExecutedAt.UtcDateTime.ToString("yyyy-MM", CultureInfo.InvariantCulture)),
        };
    }

    /// <summary>Annualised Sharpe ratio of daily returns: mean / sample standard deviation × √365; null under 2 days or with no variation.</summary>
    public static decimal? Sharpe(IReadOnlyList<double> returns)
    {
        ArgumentNullException.ThrowIfNull(returns);
        if (returns.Count < 2)
        {
            return null;
        }

        var mean = returns.Average();
        var variance = returns.Sum(r => (r - mean) * (r - mean)) / (returns.Count - 1);
        return variance <= 0d ? null : Ratio((decimal)(mean / Math.Sqrt(variance) * Math.Sqrt(DaysPerYear)));
    }

    /// <summary>Annualised Sortino ratio: mean / downside deviation (√(mean of min(r, 0)²) over every day) × √365; null under 2 days or with no losing day.</summary>
    public static decimal? Sortino(IReadOnlyList<double> returns)
    {
        ArgumentNullException.ThrowIfNull(returns);
        if (returns.Count < 2)
        {
            return null;
        }

        var downside = Math.Sqrt(returns.Sum(r => r < 0d ? r * r : 0d) / returns.Count);
        return downside <= 0d ? null : Ratio((decimal)(returns.Average() / downside * Math.Sqrt(DaysPerYear)));
    }

    /// <summary>(final / initial)^(365 / days) − 1; null without days or a non-positive start or end.</summary>
    public static decimal? Cagr(decimal initial, decimal final, int days) =>
        days <= 0 || initial <= 0m || final <= 0m ? null : Ratio((decimal)(Math.Pow((double)(final / initial), DaysPerYear / days) - 1d));

    /// <summary>The longest run of consecutive days whose equity is below the highest equity before it (the peak starts at <paramref name="initial"/>).</summary>
    public static int DrawdownDays(IEnumerable<decimal> equity, decimal initial)
    {
        ArgumentNullException.ThrowIfNull(equity);
        var (peak, run, longest) = (initial, 0, 0);
        foreach (var value in equity)
        {
            if (value >= peak)
            {
                (peak, run) = (value, 0);
            }
            else
            {
                longest = Math.Max(longest, ++run);
            }
        }

        return longest;
    }

    /// <summary>−(o ln p + (1 − o) ln(1 − p)) with p clipped to [0.000001, 0.999999].</summary>
    public static double LogLoss(decimal price, decimal outcome)
    {
        var p = Math.Clamp((double)price, 1e-6, 1 - 1e-6);
        var o = (double)outcome;
        return -((o * Math.Log(p)) + ((1 - o) * Math.Log(1 - p)));
    }

    /// <summary>
    /// Each settled position's share-weighted entry price (over the buys since it opened, as
    /// <see cref="PerformanceCalculator"/> scores it) and payout; a position sold out before its market
    /// resolved has no outcome and is not scored.
    /// </summary>
    private static List<(decimal Price, decimal Outcome)> Entries(IReadOnlyList<Trade> ledger)
    {
        var open = new Dictionary<MarketId, (decimal Shares, decimal Bought, decimal Paid)>();
        var entries = new List<(decimal, decimal)>();
        foreach (var trade in ledger)
        {
            var held = open.GetValueOrDefault(trade.MarketId);
            if (trade.Kind == TradeKind.Buy)
            {
                open[trade.MarketId] = (held.Shares + trade.Shares.Value, held.Bought + trade.Shares.Value, held.Paid + (trade.Price.Value * trade.Shares.Value));
            }
            else if (trade.Kind == TradeKind.Sell && held.Shares - trade.Shares.Value > 0m)
            {
                open[trade.MarketId] = held with { Shares = held.Shares - trade.Shares.Value };
            }
            else if (trade.Kind == TradeKind.Sell)
            {
                open.Remove(trade.MarketId);
            }
            else if (trade.Kind == TradeKind.Settlement && open.Remove(trade.MarketId, out var position) && position.Bought > 0m)
            {
                entries.Add((position.Paid / position.Bought, trade.Price.Value));
            }
        }

        return entries;
    }

    /// <summary>
    /// Each position the ledger closed: its realized P&amp;L summed over the sells and the settlement that
    /// took its shares to none, and the last of those records (its date and event group it).
    /// </summary>
    private static List<(Trade Closing, decimal Pnl)> Closed(IReadOnlyList<Trade> ledger)
    {
        var open = new Dictionary<MarketId, (decimal Shares, decimal Pnl)>();
        var closed = new List<(Trade, decimal)>();
        foreach (var trade in ledger)
        {
            var held = open.GetValueOrDefault(trade.MarketId);
            if (trade.Kind == TradeKind.Buy)
            {
                open[trade.MarketId] = (held.Shares + trade.Shares.Value, held.Pnl);
                continue;
            }

            if (trade.RealizedPnl is not { } realized)
            {
                continue;
            }

            var left = trade.Kind == TradeKind.Settlement ? 0m : held.Shares - trade.Shares.Value;
            if (left > 0m)
            {
                open[trade.MarketId] = (left, held.Pnl + realized.Value);
            }
            else
            {
                open.Remove(trade.MarketId);
                closed.Add((trade, held.Pnl + realized.Value));
            }
        }

        return closed;
    }

    /// <summary>The sells by the exit rule that made them (<c>sell_take_profit</c>, <c>sell_stop_loss</c>, <c>sell_before_end</c>).</summary>
    private static Dictionary<string, int> Exits(IReadOnlyList<Trade> ledger) =>
        ledger.Where(t => t.Kind == TradeKind.Sell && ExitIds.ReasonOf(t.SignalId) is not null)
            .GroupBy(t => ExitIds.Code(ExitIds.ReasonOf(t.SignalId)!.Value), StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    private static string CategoryOf(BacktestResult result, Trade trade) =>
        result.Categories.GetValueOrDefault(trade.EventId) ?? Uncategorised;

    private static PnlGroup[] Groups(IEnumerable<(Trade Closing, decimal Pnl)> closed, Func<Trade, string> key) =>
        [.. closed.GroupBy(c => key(c.Closing), StringComparer.Ordinal)
            .Select(g => new PnlGroup(g.Key, g.Count(), g.Count(c => c.Pnl > 0m), g.Sum(c => c.Pnl)))
            .OrderBy(g => g.Key, StringComparer.Ordinal)];

    private static decimal Ratio(decimal value) => PerformanceCalculator.Ratio(value);
}
