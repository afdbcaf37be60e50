using Prescient.Domain.History;
using Prescient.Domain.Trading;
using Prescient.Engine.Settlement;

namespace Prescient.Engine.History;

/// <summary>
/// What an end of day did. When <see cref="AlreadyRecorded"/>, nothing was written and
/// <see cref="Snapshot"/> is the one recorded earlier that day. <see cref="Message"/> is the one line
/// the CLI prints and the API returns.
/// </summary>
public sealed record EndOfDayResult(
    DateOnly Date,
    bool AlreadyRecorded,
    PortfolioDay Snapshot,
    int SignalsArchived,
    bool DailyPricesWritten,
    IReadOnlyList<string> FilesWritten,
    string Message)
{
    /// <summary>Held markets that resolved since the morning, settled before the snapshot.</summary>
    public IReadOnlyList<Trade> Settlements { get; init; } = [];

    /// <summary>Held markets closed but not settleable yet, or not looked up.</summary>
    public IReadOnlyList<PendingSettlement> Pending { get; init; } = [];

    public int LookupFailures => Pending.Count(p => p.LookupFailed);
}
