using System.Globalization;
using Prescient.Domain.Ids;
using Prescient.Domain.Trading;
using Prescient.Engine.Performance;

namespace Prescient.Engine.Backtest;

/// <summary>
/// The statistics of a <see cref="BacktestResult"/>. Daily figures come from <see cref="PerformanceCalculator"/>
/// (the same returns, drawdowns, Brier score and calibration as <c>performance_daily.csv</c>); the
/// rest is here. Pure; money stays decimal, <c>double</c> only inside the square roots and logarithms.
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
        var closed = ledger.Where(t => t.Kind != TradeKind.Buy && t.RealizedPnl is not null).ToArray();
        var wins = closed.Where(t => t.RealizedPnl!.Value.Value > 0m).Sum(t => t.RealizedPnl!.Value.Value);
        var losses = -closed.Where(t => t.RealizedPnl!.Value.Value < 0m).Sum(t => t.RealizedPnl!.Value.Value);
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
            WinRate = closed.Length == 0 ? null : Ratio((decimal)closed.Count(t => t.RealizedPnl!.Value.Value > 0m) / closed.Length),
            ProfitFactor = losses == 0m ? null : Ratio(wins / losses),
            Expectancy = closed.Length == 0 ? null : Ratio((wins - losses) / closed.Length),
            Exposure = result.Days.Count == 0 ? 0m : Ratio(result.Days.Average(d => d.Equity == 0m ? 0m : d.Exposure / d.Equity)),
            Turnover = meanEquity == 0m ? 0m : Ratio(traded / meanEquity),
            FeesPaid = ledger.Sum(t => t.Fees.Value),
            SlippagePaid = ledger.Where(t => t.Slippage is not null).Sum(t => t.Slippage!.Value.Value * t.Shares.Value),
            BrierScore = days.Count == 0 ? null : days[^1].BrierScore,
            LogLoss = entries.Count == 0 ? null : Ratio((decimal)entries.Average(e => LogLoss(e.Price, e.Outcome))),
            Days = days.Count,
            Buys = ledger.Count(t => t.Kind == TradeKind.Buy),
            Settlements = ledger.Count(t => t.Kind == TradeKind.Settlement),
            ClosedPositions = closed.Length,
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

    /// <summary>Each settled position's share-weighted entry price and payout.</summary>
    private static List<(decimal Price, decimal Outcome)> Entries(IReadOnlyList<Trade> ledger)
    {
        var open = new Dictionary<MarketId, (decimal Shares, decimal Paid)>();
        var entries = new List<(decimal, decimal)>();
        foreach (var trade in ledger)
        {
            if (trade.Kind == TradeKind.Buy)
            {
                var held = open.GetValueOrDefault(trade.MarketId);
                open[trade.MarketId] = (held.Shares + trade.Shares.Value, held.Paid + (trade.Price.Value * trade.Shares.Value));
            }
            else if (trade.Kind == TradeKind.Settlement && open.Remove(trade.MarketId, out var position) && position.Shares > 0m)
            {
                entries.Add((position.Paid / position.Shares, trade.Price.Value));
            }
        }

        return entries;
    }

    private static string CategoryOf(BacktestResult result, Trade trade) =>
        result.Categories.GetValueOrDefault(trade.EventId) ?? Uncategorised;

    private static PnlGroup[] Groups(IEnumerable<Trade> closed, Func<Trade, string> key) =>
        [.. closed.GroupBy(key, StringComparer.Ordinal)
            .Select(g => new PnlGroup(g.Key, g.Count(), g.Count(t => t.RealizedPnl!.Value.Value > 0m), g.Sum(t => t.RealizedPnl!.Value.Value)))
            .OrderBy(g => g.Key, StringComparer.Ordinal)];

    private static decimal Ratio(decimal value) => PerformanceCalculator.Ratio(value);
}
