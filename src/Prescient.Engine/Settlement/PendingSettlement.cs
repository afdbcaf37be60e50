using Prescient.Domain.Ids;

namespace Prescient.Engine.Settlement;

/// <summary>A held market that is closed (or gone) but could not be settled this run, and why.</summary>
public sealed record PendingSettlement(MarketId MarketId, string? Question, string Reason);
