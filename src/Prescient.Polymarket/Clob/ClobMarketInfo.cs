using Prescient.Domain.Ids;

namespace Prescient.Polymarket.Clob;

/// <summary>
/// The CLOB's view of one market (<c>GET /markets/{condition_id}</c>), used to cross-check
/// settlement: after resolution exactly one token usually has <see cref="ClobToken.Winner"/> set.
/// Tick size in USDC, minimum order size in shares.
/// </summary>
public sealed record ClobMarketInfo
{
    public required ConditionId ConditionId { get; init; }

    public string? QuestionId { get; init; }

    public string? Question { get; init; }

    public string? MarketSlug { get; init; }

    public IReadOnlyList<ClobToken> Tokens { get; init; } = [];

    public bool Active { get; init; }

    public bool Closed { get; init; }

    public bool Archived { get; init; }

    public bool AcceptingOrders { get; init; }

    public bool EnableOrderBook { get; init; }

    public decimal? MinimumTickSize { get; init; }

    public decimal? MinimumOrderSize { get; init; }

    public bool NegRisk { get; init; }

    public string? NegRiskMarketId { get; init; }

    /// <summary>True when the market resolved 50/50 (each token redeems at 0.5 USDC).</summary>
    public bool Is5050Outcome { get; init; }

    public DateTimeOffset? EndDate { get; init; }

    /// <summary>The winning token, or null while unresolved (or when the CLOB marks none).</summary>
    public ClobToken? Winner => Tokens.FirstOrDefault(t => t.Winner);
}
