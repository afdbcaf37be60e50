using Prescient.Domain.Trading;
using Prescient.Engine.Markets;
using Prescient.Engine.Settlement;
using Prescient.Engine.Storage;

namespace Prescient.Engine.Trading;

/// <summary>
/// What one execute run did: settlements of resolved held markets, positions still waiting for a
/// resolution, exits sold, trades made, signals rejected with their reasons, and the portfolio afterwards.
/// </summary>
public sealed record ExecutionResult(
    DateTimeOffset ExecutedAt,
    MarketSourceInfo Source,
    IReadOnlyList<Trade> Settlements,
    IReadOnlyList<PendingSettlement> Pending,
    IReadOnlyList<Trade> Trades,
    IReadOnlyList<Rejection> Rejections,
    PortfolioSnapshot Portfolio,
    IReadOnlyList<string> FilesWritten,
    TimeSpan Duration)
{
    /// <summary>Sells of held positions made by the exit rules this run (none while every rule is off), before the buys.</summary>
    public IReadOnlyList<Trade> Exits { get; init; } = [];

    /// <summary>Held markets whose lookup failed or was unusable (they stay pending; see <see cref="Pending"/>).</summary>
    public int LookupFailures => Pending.Count(p => p.LookupFailed);

    public IReadOnlyDictionary<RejectionReason, int> RejectionsByReason =>
        Rejections.GroupBy(r => r.Reason).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count());
}
