using Prescient.Domain.Ids;

namespace Prescient.Engine.Settlement;

/// <summary>
/// A held market that could not be settled this run, and why: closed (or gone) upstream without a
/// settleable resolution yet, or (<see cref="LookupFailed"/>) not looked up at all because the
/// reply for it was missing or unusable. <see cref="OutcomePrice"/> is Gamma's price for the held
/// outcome of a closed market, in [0, 1], when it gave one: the position's flagged mark meanwhile.
/// </summary>
public sealed record PendingSettlement(MarketId MarketId, TokenId TokenId, string? Question, string Reason)
{
    public bool LookupFailed { get; init; }

    public decimal? OutcomePrice { get; init; }
}
