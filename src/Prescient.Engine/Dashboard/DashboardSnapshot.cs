using Prescient.Domain.Ids;
using Prescient.Domain.Positions;
using Prescient.Domain.Signals;
using Prescient.Domain.Trading;
using Prescient.Engine.Markets;
using Prescient.Engine.Performance;
using Prescient.Engine.Quotes;
using Prescient.Engine.Runs;
using Prescient.Engine.Signals;
using Prescient.Engine.Status;

namespace Prescient.Engine.Dashboard;

/// <summary>
/// Everything the dashboard shows at <see cref="At"/>, read from the stored state (no network):
/// the overview figures, the equity curve, calibration, positions by event, recent trades, the
/// current signals with the skipped markets, the last quotes, the runs, and the live feed (null when
/// none runs). Money in USDC, prices per share in [0, 1], ratios as fractions.
/// </summary>
public sealed record DashboardSnapshot(
    DateTimeOffset At,
    MarketSourceInfo Source,
    DashboardOverview Overview,
    IReadOnlyList<EquityPoint> EquityCurve,
    IReadOnlyList<CalibrationBucket> Calibration,
    DashboardPositions Positions,
    DashboardTrades Trades,
    DashboardSignals Signals,
    DashboardMarkets Markets,
    DashboardRuns Runs,
    LiveFeedState? Feed);

/// <summary>The portfolio as last written and the statistics of every settled position so far.</summary>
public sealed record DashboardOverview(
    decimal InitialCash,
    decimal Cash,
    decimal PositionsValue,
    decimal Equity,
    decimal RealizedPnl,
    decimal UnrealizedPnl,
    decimal TotalPnl,
    decimal? TotalReturn,
    decimal Exposure,
    decimal FeesPaid,
    decimal? WinRate,
    decimal? BrierScore,
    decimal MaxDrawdown,
    int SettledPositions,
    int OpenPositions,
    int TradeCount,
    DateTimeOffset PortfolioAt);

/// <summary>
/// One point of the equity curve: an end of day (at its snapshot time), or the live point (the
/// portfolio as last marked) after the last one. Drawdown against the highest equity so far, ≤ 0.
/// </summary>
public sealed record EquityPoint(DateTimeOffset At, DateOnly Date, decimal Equity, decimal Drawdown, bool Live);

/// <summary>The open positions grouped by event, biggest exposure first.</summary>
public sealed record DashboardPositions(IReadOnlyList<PositionGroup> Groups);

/// <summary>
/// The legs held in one event, with their summed exposure (cost basis), value and unrealized P&amp;L:
/// the legs of a neg-risk event show together.
/// </summary>
public sealed record PositionGroup(
    EventId EventId,
    string Title,
    int LegsCount,
    decimal Exposure,
    decimal MarketValue,
    decimal UnrealizedPnl,
    IReadOnlyList<PositionLeg> Legs);

/// <summary>One open position at its mark; <see cref="MarkIsFallback"/> when the mark is not the held token's best bid.</summary>
public sealed record PositionLeg(
    MarketId MarketId,
    TokenId TokenId,
    string? Question,
    string? Outcome,
    decimal Shares,
    decimal AverageEntryPrice,
    decimal CostBasis,
    decimal Mark,
    MarkSource MarkSource,
    bool MarkIsFallback,
    string? MarkFlag,
    DateTimeOffset? MarkedAt,
    decimal MarketValue,
    decimal UnrealizedPnl,
    DateTimeOffset OpenedAt,
    string? LookupProblem);

/// <summary>Ledger records newest first (<see cref="Total"/>: how many match, of which <see cref="Items"/> are the first).</summary>
public sealed record DashboardTrades(int Total, IReadOnlyList<TradeRow> Items);

/// <summary>One ledger record as the trades table shows it.</summary>
public sealed record TradeRow(
    TradeId TradeId,
    DateTimeOffset ExecutedAt,
    TradeKind Kind,
    MarketId MarketId,
    string? Question,
    string? Outcome,
    decimal Shares,
    decimal Price,
    decimal Cost,
    decimal Fees,
    decimal? Slippage,
    decimal? Drift,
    decimal? RealizedPnl,
    decimal CashAfter)
{
    public static TradeRow From(Trade trade)
    {
        ArgumentNullException.ThrowIfNull(trade);
        return new TradeRow(
            trade.TradeId, trade.ExecutedAt, trade.Kind, trade.MarketId, trade.Question, trade.Outcome,
            trade.Shares.Value, trade.Price.Value, trade.Cost.Value, trade.Fees.Value,
            trade.Slippage?.Value, trade.Drift?.Value, trade.RealizedPnl?.Value, trade.CashAfter.Value);
    }
}

/// <summary>
/// The current signals (each marked when the ledger holds its trade), the markets the strategy
/// skipped with their reasons, and the counts by reason of the skips and of the last execution's
/// rejections in this process (<see cref="RejectionsAt"/> null when none ran yet).
/// </summary>
public sealed record DashboardSignals(
    DateTimeOffset? GeneratedAt,
    string? Strategy,
    IReadOnlyDictionary<string, string> Settings,
    IReadOnlyList<SignalRow> Items,
    IReadOnlyList<SkippedMarket> Skipped,
    IReadOnlyDictionary<SkipReason, int> SkippedByReason,
    IReadOnlyDictionary<RejectionReason, int> RejectionsByReason,
    DateTimeOffset? RejectionsAt);

/// <summary>One current signal and whether it was executed.</summary>
public sealed record SignalRow(
    SignalId SignalId,
    DateTimeOffset CreatedAt,
    string? EventTitle,
    MarketId MarketId,
    string Question,
    string Outcome,
    SignalAction Action,
    decimal Stake,
    decimal Price,
    decimal LimitPrice,
    decimal YesPrice,
    decimal Confidence,
    string Reason,
    bool Executed);

/// <summary>The last quotes (<see cref="Total"/> tokens, of which <see cref="Items"/> are the first), held tokens first.</summary>
public sealed record DashboardMarkets(DateTimeOffset? GeneratedAt, int Total, IReadOnlyList<MarketQuoteRow> Items);

/// <summary>One token's best bid and ask: from its live book when <see cref="Live"/>, else from the last refresh.</summary>
public sealed record MarketQuoteRow(
    MarketId MarketId,
    EventId EventId,
    string? Question,
    TokenId TokenId,
    string Outcome,
    bool HasBook,
    decimal? BestBid,
    decimal? BestAsk,
    decimal? Mid,
    decimal? Spread,
    DateTimeOffset? BookTimestamp,
    bool Live);

/// <summary>The run going now (a <see cref="RunKinds"/> value, or null), the last of each kind, the schedule and the recent runs (newest first).</summary>
public sealed record DashboardRuns(
    string? Running,
    RunRecord? LastCycle,
    RunRecord? LastEndOfDay,
    ScheduleStatus Schedule,
    IReadOnlyList<RunRecord> Recent);
