using Prescient.Domain.Ids;

namespace Prescient.Domain.History;

/// <summary>
/// One end-of-day snapshot of <c>history/portfolio_history.json</c> (append only, one per date in the schedule's time zone, UTC by default).
/// USDC unless stated.
/// </summary>
public sealed record PortfolioDay
{
    /// <summary>The trading day (the date in the schedule's time zone) this snapshot closes.</summary>
    public required DateOnly Date { get; init; }

    public required DateTimeOffset RecordedAt { get; init; }

    public required decimal Cash { get; init; }

    /// <summary>Σ shares × mark of open positions.</summary>
    public required decimal PositionsValue { get; init; }

    public required decimal Equity { get; init; }

    public required decimal RealizedPnl { get; init; }

    public required decimal UnrealizedPnl { get; init; }

    public required decimal Exposure { get; init; }

    public required decimal FeesPaid { get; init; }

    public required int OpenPositions { get; init; }

    /// <summary>Ledger records up to this snapshot.</summary>
    public required int TradeCount { get; init; }

    public TradeId? LastTradeId { get; init; }

    /// <summary>"sample" or "live".</summary>
    public required string Source { get; init; }
}
