using Prescient.Engine.Markets;
using Prescient.Engine.Quotes;
using Prescient.Engine.Runs;

namespace Prescient.Engine.Status;

/// <summary>
/// <c>prescient status</c> and <c>GET /trading/status</c>: the last runs, the next ones, the portfolio
/// in brief, how fresh each state file is, and where the data comes from.
/// </summary>
public sealed record TradingStatus(
    DateTimeOffset At,
    MarketSourceInfo Source,
    RunRecord? LastCycle,
    RunRecord? LastEndOfDay,
    ScheduleStatus Schedule,
    PortfolioStatus Portfolio,
    IReadOnlyList<DataFileStatus> Data)
{
    /// <summary>The live market feed of the serving process (<c>GET /trading/status</c>); null without one (every command but <c>serve</c>).</summary>
    public LiveFeedState? Feed { get; init; }
}

/// <summary>The portfolio in brief, USDC; <see cref="TotalPnl"/> = equity − initial cash.</summary>
public sealed record PortfolioStatus(
    DateTimeOffset GeneratedAt,
    decimal InitialCash,
    decimal Cash,
    decimal PositionsValue,
    decimal Equity,
    decimal RealizedPnl,
    decimal UnrealizedPnl,
    decimal TotalPnl,
    int OpenPositions,
    int TradeCount)
{
    /// <summary>Open positions whose market could not be looked up in the last run that marked them (they cannot settle until it can).</summary>
    public int HeldMarketsNotLookedUp { get; init; }
}

/// <summary>One state file: when it was generated, its age at <see cref="TradingStatus.At"/>, its source, or why it could not be read.</summary>
public sealed record DataFileStatus(string File, DateTimeOffset? GeneratedAt, TimeSpan? Age, string? Source, string? Problem)
{
    public bool Exists => GeneratedAt is not null;
}
