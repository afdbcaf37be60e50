using Prescient.Domain.History;
using Prescient.Domain.Ids;
using Prescient.Domain.Trading;
using Prescient.Engine.Calendar;

namespace Prescient.Engine.Performance;

/// <summary>
/// The daily performance statistics of the end-of-day history and the ledger: pure, decimal
/// throughout, ratios rounded to 6 places (midpoints away from zero, as a spreadsheet rounds).
/// </summary>
public static class PerformanceCalculator
{
    public const int RatioDecimals = 6;

    /// <summary>
    /// One row per day of <paramref name="history"/>, by date (see <see cref="PerformanceDay"/> for each
    /// column); ledger records count on their date in <paramref name="calendar"/> (UTC when not given).
    /// </summary>
    public static IReadOnlyList<PerformanceDay> Compute(IReadOnlyList<PortfolioDay> history, IReadOnlyList<Trade> ledger, decimal initialCash, TradingCalendar? calendar = null)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(ledger);
        calendar ??= TradingCalendar.Utc;
        var tradesPerDay = ledger.GroupBy(t => calendar.DayOf(t.ExecutedAt)).ToDictionary(g => g.Key, g => g.Count());
        var settled = Settlements(ledger, calendar).OrderBy(s => s.Date).ToArray();
        var rows = new List<PerformanceDay>(history.Count);
        decimal? previousEquity = null;
        var peak = initialCash;
        var maxDrawdown = 0m;
        var next = 0;
        var wins = 0;
        var scored = 0;
        var squaredErrors = 0m;
        foreach (var day in history.OrderBy(d => d.Date))
        {
            for (; next < settled.Length && settled[next].Date <= day.Date; next++)
            {
                wins += settled[next].Won ? 1 : 0;
                if (settled[next].SquaredError is { } error)
                {
                    scored++;
                    squaredErrors += error;
                }
            }

            peak = Math.Max(peak, day.Equity);
            var drawdown = peak == 0m ? 0m : Ratio((day.Equity / peak) - 1m);
            maxDrawdown = Math.Min(maxDrawdown, drawdown);
            rows.Add(new PerformanceDay
            {
                Date = day.Date,
                Equity = day.Equity,
                Cash = day.Cash,
                PositionsValue = day.PositionsValue,
                DailyReturn = Return(day.Equity, previousEquity ?? initialCash),
                CumulativeReturn = Return(day.Equity, initialCash),
                RealizedPnl = day.RealizedPnl,
                UnrealizedPnl = day.UnrealizedPnl,
                Drawdown = drawdown,
                MaxDrawdown = maxDrawdown,
                Trades = tradesPerDay.GetValueOrDefault(day.Date),
                OpenPositions = day.OpenPositions,
                SettledPositions = next,
                WinRate = next == 0 ? null : Ratio((decimal)wins / next),
                BrierScore = scored == 0 ? null : Ratio(squaredErrors / scored),
            });
            previousEquity = day.Equity;
        }

        return rows;
    }

    /// <summary>The number of entry-price buckets of <see cref="Calibration"/>: 0.0–0.1, 0.1–0.2, …, 0.9–1.0.</summary>
    public const int CalibrationBuckets = 10;

    /// <summary>
    /// The calibration of every settled position of <paramref name="ledger"/> that has an entry price
    /// (see <see cref="CalibrationBucket"/>): always <see cref="CalibrationBuckets"/> buckets, empty ones included.
    /// </summary>
    public static IReadOnlyList<CalibrationBucket> Calibration(IReadOnlyList<Trade> ledger)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        var scored = Settlements(ledger, TradingCalendar.Utc)
            .Where(s => s.EntryPrice is not null)
            .ToLookup(s => Math.Min(CalibrationBuckets - 1, (int)(s.EntryPrice!.Value * CalibrationBuckets)));
        var width = 1m / CalibrationBuckets;
        return Enumerable.Range(0, CalibrationBuckets).Select(i =>
        {
            var bucket = scored[i].ToArray();
            return new CalibrationBucket(
                i * width,
                (i + 1) * width,
                bucket.Length,
                bucket.Count(s => s.Won),
                bucket.Length == 0 ? null : Ratio(bucket.Average(s => s.EntryPrice!.Value)),
                bucket.Length == 0 ? null : Ratio(bucket.Average(s => s.Outcome)));
        }).ToArray();
    }

    /// <summary>A ratio as every performance column carries it: 6 places, midpoints away from zero.</summary>
    public static decimal Ratio(decimal value) => Math.Round(value, RatioDecimals, MidpointRounding.AwayFromZero);

    private static decimal? Return(decimal value, decimal basis) => basis == 0m ? null : Ratio((value / basis) - 1m);

    /// <summary>
    /// Every settlement of the ledger with whether it won, its entry price p (the share-weighted
    /// average price of the buys of the position it closed) and its outcome o, scored (p − o)². Held shares are followed
    /// through partial sells; a settlement of a position the ledger never opened (an inconsistent
    /// ledger) counts for the win rate but has no entry price to score.
    /// </summary>
    private static IEnumerable<SettledPosition> Settlements(IReadOnlyList<Trade> ledger, TradingCalendar calendar)
    {
        var open = new Dictionary<MarketId, Holding>();
        foreach (var trade in ledger)
        {
            var held = open.GetValueOrDefault(trade.MarketId);
            switch (trade.Kind)
            {
                case TradeKind.Buy:
                {
                    var before = held ?? new Holding(0m, 0m, 0m);
                    open[trade.MarketId] = new Holding(
                        before.Shares + trade.Shares.Value, before.BoughtShares + trade.Shares.Value, before.PricePaid + (trade.Price.Value * trade.Shares.Value));
                    break;
                }

                case TradeKind.Sell when held is not null:
                    if (held.Shares - trade.Shares.Value > 0m)
                    {
                        open[trade.MarketId] = held with { Shares = held.Shares - trade.Shares.Value };
                    }
                    else
                    {
                        open.Remove(trade.MarketId);
                    }

                    break;
                case TradeKind.Settlement:
                    open.Remove(trade.MarketId);
                    decimal? entry = held is { BoughtShares: > 0m } ? held.PricePaid / held.BoughtShares : null;
                    yield return new SettledPosition(calendar.DayOf(trade.ExecutedAt), trade.RealizedPnl?.Value > 0m, entry, trade.Price.Value);
                    break;
                default:
                    break;
            }
        }
    }

    private static decimal Square(decimal value) => value * value;

    /// <summary>Shares held now, and the shares bought and Σ price × shares paid since the position opened.</summary>
    private sealed record Holding(decimal Shares, decimal BoughtShares, decimal PricePaid);

    /// <summary>A settlement: its day, whether it won, the share-weighted entry price of the position it closed (null when the ledger never opened it) and the settlement price.</summary>
    private sealed record SettledPosition(DateOnly Date, bool Won, decimal? EntryPrice, decimal Outcome)
    {
        public decimal? SquaredError => EntryPrice is { } entry ? Square(entry - Outcome) : null;
    }
}
