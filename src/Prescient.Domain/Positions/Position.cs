using Prescient.Domain.Ids;
using Prescient.Domain.Values;

namespace Prescient.Domain.Positions;

/// <summary>
/// An open holding of one outcome token of one market. <see cref="Cost"/> is what the shares cost
/// (USDC, fees excluded) and <see cref="Fees"/> the fees paid on them; both shrink in proportion
/// when shares are sold.
/// </summary>
public sealed record Position
{
    public required EventId EventId { get; init; }

    public required MarketId MarketId { get; init; }

    public required ConditionId ConditionId { get; init; }

    public required TokenId TokenId { get; init; }

    public string? Outcome { get; init; }

    public string? Question { get; init; }

    public required Shares Shares { get; init; }

    public required Usdc Cost { get; init; }

    public required Usdc Fees { get; init; }

    public required DateTimeOffset OpenedAt { get; init; }

    /// <summary>Everything paid for the shares held: cost + fees (USDC). This is the position's exposure.</summary>
    public Usdc CostBasis => Cost + Fees;

    /// <summary>Cost per share (USDC), fees excluded, rounded to 6 places; a plain decimal, as rounding can take it a hair past 1.</summary>
    public decimal AverageEntryPrice => Shares == Shares.Zero ? 0m : Math.Round(Cost.Value / Shares.Value, 6);
}
