using Prescient.Domain.Ids;

namespace Prescient.Domain.Markets;

/// <summary>
/// A market (one question) inside an event, as Gamma describes it. Prices are Gamma's displayed
/// values in [0, 1] and can be minutes old: fills and marks use the CLOB book instead.
/// Liquidity and volumes are USDC.
/// </summary>
public sealed record Market
{
    public required MarketId Id { get; init; }

    public required EventId EventId { get; init; }

    public required ConditionId ConditionId { get; init; }

    public required string Question { get; init; }

    public string? Slug { get; init; }

    public string? GroupItemTitle { get; init; }

    /// <summary>Outcomes in Gamma's order; index 0 is the YES side of a binary market.</summary>
    public IReadOnlyList<Outcome> Outcomes { get; init; } = [];

    public decimal? BestBid { get; init; }

    public decimal? BestAsk { get; init; }

    public decimal? Spread { get; init; }

    public decimal? LastTradePrice { get; init; }

    public decimal? Liquidity { get; init; }

    public decimal? Volume { get; init; }

    public decimal? Volume24h { get; init; }

    public DateTimeOffset? EndDate { get; init; }

    public DateTimeOffset? ClosedTime { get; init; }

    public bool Active { get; init; }

    public bool Closed { get; init; }

    public bool Archived { get; init; }

    public bool AcceptingOrders { get; init; }

    public bool EnableOrderBook { get; init; }

    public bool NegRisk { get; init; }

    public string? NegRiskMarketId { get; init; }

    /// <summary>Minimum price increment in USDC (0.01, 0.001, 0.0025, …).</summary>
    public decimal? TickSize { get; init; }

    /// <summary>Minimum order size in shares.</summary>
    public decimal? MinOrderSize { get; init; }

    public FeeSettings Fees { get; init; } = FeeSettings.None;

    public string? UmaResolutionStatus { get; init; }

    /// <summary>True when this market has two outcomes with known tokens (YES = index 0, NO = index 1).</summary>
    public bool IsBinary => Outcomes.Count == 2 && Outcomes[0].TokenId is not null && Outcomes[1].TokenId is not null;

    public Outcome? Yes => Outcomes.Count == 2 ? Outcomes[0] : null;

    public Outcome? No => Outcomes.Count == 2 ? Outcomes[1] : null;

    /// <summary>CLOB trading is possible: order book enabled, accepting orders and not closed.</summary>
    public bool IsTradeable => EnableOrderBook && AcceptingOrders && !Closed;
}
