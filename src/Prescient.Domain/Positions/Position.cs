using Prescient.Domain.Ids;

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

    public required decimal Shares { get; init; }

    public required decimal Cost { get; init; }

    public required decimal Fees { get; init; }

    public required DateTimeOffset OpenedAt { get; init; }

    /// <summary>Everything paid for the shares held: cost + fees (USDC). This is the position's exposure.</summary>
    public decimal CostBasis => Cost + Fees;

    /// <summary>Cost per share, fees excluded, rounded to 6 places.</summary>
    public decimal AverageEntryPrice => Shares == 0m ? 0m : Math.Round(Cost / Shares, 6);
}
