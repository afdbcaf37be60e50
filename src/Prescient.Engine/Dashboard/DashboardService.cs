using Microsoft.Extensions.Options;
using Prescient.Domain.Books;
using Prescient.Domain.History;
using Prescient.Domain.Ids;
using Prescient.Domain.Positions;
using Prescient.Domain.Trading;
using Prescient.Engine.Calendar;
using Prescient.Engine.Markets;
using Prescient.Engine.Performance;
using Prescient.Engine.Positions;
using Prescient.Engine.Quotes;
using Prescient.Engine.Runs;
using Prescient.Engine.Status;
using Prescient.Engine.Storage;
using Prescient.Engine.Trading;

namespace Prescient.Engine.Dashboard;

/// <summary>
/// Reads the dashboard's snapshot from the stored state. It changes nothing and does not take the
/// <see cref="UseCaseGate"/> (like <see cref="StatusService"/>), so the page answers while a run
/// goes: every file it reads is replaced atomically or only appended to. Each read takes the
/// ledger and the history once.
/// </summary>
public sealed class DashboardService(
    PortfolioService portfolio,
    PerformanceService performance,
    IHistoryStore history,
    ITradingStore store,
    IMarketDataStore marketData,
    IRunLog runs,
    IRunSchedule schedule,
    RunGuard guard,
    ExecutionActivity activity,
    MarketSourceInfo source,
    TradingCalendar calendar,
    IOptions<TradingOptions> trading,
    TimeProvider time,
    LiveBooks? live = null,
    ILiveFeedStatus? feed = null)
{
    /// <summary>
    /// How old a live book may be and still mark: the feed clears every book when its connection
    /// drops, so a book it holds is current however quiet its market; this only bounds a stalled feed.
    /// </summary>
    public static readonly TimeSpan LiveBookAge = TimeSpan.FromHours(1);

    /// <summary>How many ledger records the snapshot lists (a filter reads the rest).</summary>
    public const int TradeRows = 200;

    /// <summary>How many tokens the snapshot's market table lists.</summary>
    public const int MarketRows = 300;

    public const int RecentRuns = 10;

    public async Task<DashboardSnapshot> GetAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var current = await portfolio.CurrentUngatedAsync(cancellationToken);
        var days = await history.ReadPortfolioHistoryAsync(cancellationToken);
        var ledger = await store.Ledger.ReadAllAsync(cancellationToken);
        var report = performance.Report(days, ledger);
        var signals = await store.ReadSignalsAsync(cancellationToken);
        var quotes = await marketData.ReadQuotesAsync(cancellationToken);
        var markets = await marketData.ReadMarketsAsync(cancellationToken);

        var eventTitles = new Dictionary<EventId, string>();
        foreach (var row in markets?.Markets ?? [])
        {
            if (row.EventTitle is { Length: > 0 } title)
            {
                eventTitles.TryAdd(row.EventId, title);
            }
        }

        var books = LiveBooksOf(current, quotes);
        if (books.Count > 0)
        {
            var byId = (markets?.Markets ?? []).GroupBy(m => m.MarketId).ToDictionary(g => g.Key, g => g.First().ToMarket());
            current = LiveMarking.Remark(current, ledger, books, byId, trading.Value, now);
        }

        return new DashboardSnapshot(
            now,
            source,
            Overview(current, report),
            EquityCurve(current, days, report.InitialCash, ledger.Count == 0 ? null : ledger[0].ExecutedAt, now),
            report.Calibration,
            Positions(current, eventTitles),
            Trades(ledger, static _ => true, TradeRows),
            Signals(signals, ledger),
            Markets(quotes, current, books),
            new DashboardRuns(
                guard.Current?.Kind,
                await runs.LastAsync(RunKinds.Cycle, cancellationToken),
                await runs.LastAsync(RunKinds.EndOfDay, cancellationToken),
                schedule.Describe(now),
                await runs.RecentAsync(RecentRuns, cancellationToken)),
            feed?.Current);
    }

    /// <summary>The ledger records that match <paramref name="query"/>, newest first; dates are trading days (the schedule's zone).</summary>
    public async Task<DashboardTrades> TradesAsync(TradeQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var ledger = await store.Ledger.ReadAllAsync(cancellationToken);
        return Trades(ledger, t => query.Matches(t, calendar.DayOf(t.ExecutedAt)), query.Limit);
    }

    private static DashboardOverview Overview(PortfolioSnapshot p, PerformanceReport report) => new(
        p.InitialCash,
        p.Cash,
        p.PositionsValue,
        p.Equity,
        p.RealizedPnl,
        p.UnrealizedPnl,
        p.Equity - p.InitialCash,
        p.InitialCash == 0m ? null : Math.Round(p.Equity / p.InitialCash - 1m, 6),
        p.Exposure,
        p.FeesPaid,
        report.Summary.WinRate,
        report.Summary.BrierScore,
        report.Summary.MaxDrawdown,
        report.Summary.SettledPositions,
        p.Positions.Count,
        p.TradeCount,
        p.GeneratedAt);

    /// <summary>
    /// The initial cash when the first ledger record was made (where the curve starts), one point per
    /// end of day, then the portfolio as last marked when it is newer than the last day's snapshot
    /// (today's live equity); drawdown against the running high from the initial cash.
    /// </summary>
    internal static IReadOnlyList<EquityPoint> EquityCurve(
        PortfolioSnapshot current, IReadOnlyList<PortfolioDay> days, decimal initialCash, DateTimeOffset? firstTradeAt, DateTimeOffset now)
    {
        var points = new List<EquityPoint>(days.Count + 2);
        if (firstTradeAt is { } start && (days.Count == 0 || start < days[0].RecordedAt))
        {
            points.Add(new EquityPoint(start, DateOnly.FromDateTime(start.UtcDateTime), initialCash, 0m, Live: false));
        }

        var high = initialCash;
        foreach (var day in days)
        {
            high = Math.Max(high, day.Equity);
            points.Add(new EquityPoint(day.RecordedAt, day.Date, day.Equity, Drawdown(day.Equity, high), Live: false));
        }

        if (days.Count == 0 || current.GeneratedAt > days[^1].RecordedAt)
        {
            high = Math.Max(high, current.Equity);
            var at = current.TradeCount == 0 && days.Count == 0 ? now : current.GeneratedAt;
            points.Add(new EquityPoint(at, DateOnly.FromDateTime(at.UtcDateTime), current.Equity, Drawdown(current.Equity, high), Live: true));
        }

        return points;
    }

    private static decimal Drawdown(decimal equity, decimal high) => high <= 0m ? 0m : Math.Round(equity / high - 1m, 6);

    private static DashboardPositions Positions(PortfolioSnapshot current, Dictionary<EventId, string> eventTitles)
    {
        var groups = current.Positions
            .GroupBy(p => p.EventId)
            .Select(g =>
            {
                var legs = g.OrderByDescending(p => p.CostBasis).ThenBy(p => p.MarketId.Value, StringComparer.Ordinal).Select(Leg).ToArray();
                var title = eventTitles.GetValueOrDefault(g.Key) ?? g.First().Question ?? g.Key.Value;
                return new PositionGroup(g.Key, title, legs.Length, legs.Sum(l => l.CostBasis), legs.Sum(l => l.MarketValue), legs.Sum(l => l.UnrealizedPnl), legs);
            })
            .OrderByDescending(g => g.Exposure)
            .ThenBy(g => g.EventId.Value, StringComparer.Ordinal)
            .ToArray();
        return new DashboardPositions(groups);
    }

    private static PositionLeg Leg(PositionSnapshot p) => new(
        p.MarketId, p.TokenId, p.Question, p.Outcome, p.Shares, p.AverageEntryPrice, p.CostBasis, p.Mark, p.MarkSource,
        p.MarkSource != MarkSource.BestBid, p.MarkFlag, p.MarkedAt, p.MarketValue, p.UnrealizedPnl, p.OpenedAt, p.LookupProblem);

    private static DashboardTrades Trades(IReadOnlyList<Trade> ledger, Func<Trade, bool> filter, int limit)
    {
        var total = 0;
        var items = new List<TradeRow>(Math.Min(limit, ledger.Count));
        for (var i = ledger.Count - 1; i >= 0; i--)
        {
            if (!filter(ledger[i]))
            {
                continue;
            }

            total++;
            if (items.Count < limit)
            {
                items.Add(TradeRow.From(ledger[i]));
            }
        }

        return new DashboardTrades(total, items);
    }

    private DashboardSignals Signals(SignalsSnapshot? signals, IReadOnlyList<Trade> ledger)
    {
        var executed = ledger.Where(t => t.SignalId is not null).Select(t => t.SignalId!.Value).ToHashSet();
        var last = activity.Last;
        var rejections = last?.ByReason ?? new Dictionary<RejectionReason, int>();
        if (signals is null)
        {
            return new DashboardSignals(null, null, new Dictionary<string, string>(), [], [], new Dictionary<Signals.SkipReason, int>(), rejections, last?.ExecutedAt);
        }

        var rows = signals.Signals.Select(s => new SignalRow(
                s.SignalId, s.CreatedAt, s.EventTitle, s.MarketId, s.Question, s.Outcome, s.Action, s.Stake.Value,
                s.Price.Value, s.LimitPrice.Value, s.YesPrice.Value, s.Confidence, s.Reason, executed.Contains(s.SignalId)))
            .ToArray();
        var skippedByReason = signals.Skipped.GroupBy(s => s.Reason).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count());
        return new DashboardSignals(signals.GeneratedAt, signals.Strategy, signals.Settings, rows, signals.Skipped, skippedByReason, rejections, last?.ExecutedAt);
    }

    /// <summary>The live books of the held tokens, their twins and the quoted tokens (none when no feed runs).</summary>
    private Dictionary<TokenId, OrderBook> LiveBooksOf(PortfolioSnapshot current, QuotesSnapshot? quotes)
    {
        if (live is null || live.Count == 0)
        {
            return [];
        }

        var tokens = current.Positions.Select(p => p.TokenId).Concat(quotes?.Quotes.Select(q => q.TokenId) ?? []);
        return live.Get(tokens, LiveBookAge);
    }

    /// <summary>The tokens of the last quotes, those of held markets first, then by question; at their live book where the feed has one.</summary>
    private static DashboardMarkets Markets(QuotesSnapshot? quotes, PortfolioSnapshot current, Dictionary<TokenId, OrderBook> books)
    {
        if (quotes is null)
        {
            return new DashboardMarkets(null, 0, []);
        }

        var held = current.Positions.Select(p => p.MarketId).ToHashSet();
        var rows = quotes.Quotes
            .OrderBy(q => held.Contains(q.MarketId) ? 0 : 1)
            .ThenBy(q => q.Question, StringComparer.Ordinal)
            .ThenBy(q => q.Outcome, StringComparer.Ordinal)
            .Take(MarketRows)
            .Select(q => books.TryGetValue(q.TokenId, out var book) ? LiveRow(q, book) : Row(q))
            .ToArray();
        return new DashboardMarkets(quotes.GeneratedAt, quotes.Quotes.Count, rows);
    }

    private static MarketQuoteRow Row(TokenQuote q) =>
        new(q.MarketId, q.EventId, q.Question, q.TokenId, q.Outcome, q.HasBook, q.BestBid, q.BestAsk, q.Mid, q.Spread, q.BookTimestamp, Live: false);

    private static MarketQuoteRow LiveRow(TokenQuote q, OrderBook book) =>
        new(q.MarketId, q.EventId, q.Question, q.TokenId, q.Outcome, true, book.BestBid, book.BestAsk, book.Mid, book.Spread, book.Timestamp, Live: true);
}

/// <summary>A filter of the trades table: a market, a kind, a range of trading days (inclusive), and how many rows at most.</summary>
public sealed record TradeQuery(MarketId? Market = null, TradeKind? Kind = null, DateOnly? From = null, DateOnly? To = null, int Limit = DashboardService.TradeRows)
{
    internal bool Matches(Trade trade, DateOnly day) =>
        (Market is null || trade.MarketId == Market)
        && (Kind is null || trade.Kind == Kind)
        && (From is null || day >= From)
        && (To is null || day <= To);
}
