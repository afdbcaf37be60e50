using Prescient.Domain.Ids;
using Prescient.Domain.Positions;
using Prescient.Domain.Signals;
using Prescient.Engine.Markets;
using Prescient.Engine.Signals;

namespace Prescient.Engine.Storage;

/// <summary>
/// <c>trades/current_signals.json</c>: the strategy's name and settings, the signals, and the markets
/// it considered and skipped with the reason.
/// </summary>
public sealed record SignalsSnapshot(
    DateTimeOffset GeneratedAt,
    MarketSourceInfo Source,
    string Strategy,
    IReadOnlyDictionary<string, string> Settings,
    IReadOnlyList<Signal> Signals,
    IReadOnlyList<SkippedMarket> Skipped);

/// <summary>
/// <c>trades/portfolio.json</c>: the ledger's state (cash, realized P&amp;L, fees, positions' shares and
/// cost) valued at marks. Every field but the marks and what derives from them can be rebuilt
/// from the ledger. USDC unless stated.
/// </summary>
public sealed record PortfolioSnapshot
{
    public required DateTimeOffset GeneratedAt { get; init; }

    public required MarketSourceInfo Source { get; init; }

    public required decimal InitialCash { get; init; }

    public required decimal Cash { get; init; }

    /// <summary>Σ shares × mark of open positions.</summary>
    public required decimal PositionsValue { get; init; }

    /// <summary>Cash + positions value.</summary>
    public required decimal Equity { get; init; }

    public required decimal RealizedPnl { get; init; }

    public required decimal UnrealizedPnl { get; init; }

    /// <summary>Σ cost basis of open positions.</summary>
    public required decimal Exposure { get; init; }

    public required decimal FeesPaid { get; init; }

    /// <summary>Ledger records applied; the portfolio is current when this equals the ledger's length.</summary>
    public required int TradeCount { get; init; }

    public TradeId? LastTradeId { get; init; }

    public required IReadOnlyList<PositionSnapshot> Positions { get; init; }
}

/// <summary>One open position valued at its mark. Shares in shares; prices per share in [0, 1].</summary>
public sealed record PositionSnapshot
{
    public required EventId EventId { get; init; }

    public required MarketId MarketId { get; init; }

    public required ConditionId ConditionId { get; init; }

    public required TokenId TokenId { get; init; }

    public string? Outcome { get; init; }

    public string? Question { get; init; }

    public required decimal Shares { get; init; }

    public required decimal AverageEntryPrice { get; init; }

    /// <summary>Cost + fees of the shares held.</summary>
    public required decimal CostBasis { get; init; }

    public required decimal Fees { get; init; }

    public required DateTimeOffset OpenedAt { get; init; }

    public required decimal Mark { get; init; }

    public required MarkSource MarkSource { get; init; }

    /// <summary>When the marking price was observed (book time), if known.</summary>
    public DateTimeOffset? MarkedAt { get; init; }

    public required decimal MarketValue { get; init; }

    public required decimal UnrealizedPnl { get; init; }

    /// <summary>Why the book was not trusted for the mark (<c>crossed_book</c>, <c>complement_mismatch</c>, <c>quote_mismatch</c>); null when nothing is wrong.</summary>
    public string? MarkFlag { get; init; }

    /// <summary>Why the market could not be looked up upstream in the last run (so it could not be settled); null when it was.</summary>
    public string? LookupProblem { get; init; }
}
