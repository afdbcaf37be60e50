using Prescient.Domain.Trading;

namespace Prescient.Engine.Trading;

/// <summary>
/// The signals the last execution of this process rejected, with their reasons, for the dashboard.
/// Rejections are not kept in a file: a signal rejected today is simply not in the ledger, and the
/// next execution decides again; so this is empty until an execution has run in this process.
/// </summary>
public sealed class ExecutionActivity
{
    private volatile LastExecution? _last;

    public LastExecution? Last => _last;

    internal void Record(DateTimeOffset executedAt, IReadOnlyList<Rejection> rejections) =>
        _last = new LastExecution(executedAt, rejections);
}

/// <summary>When the last execution ran (UTC) and what it rejected.</summary>
public sealed record LastExecution(DateTimeOffset ExecutedAt, IReadOnlyList<Rejection> Rejections)
{
    public IReadOnlyDictionary<RejectionReason, int> ByReason =>
        Rejections.GroupBy(r => r.Reason).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count());
}
