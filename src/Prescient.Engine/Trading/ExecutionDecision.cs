using System.Diagnostics.CodeAnalysis;
using Prescient.Domain.Trading;

namespace Prescient.Engine.Trading;

/// <summary>What the paper executor decided for one signal: exactly one of a buy record to append (with the fill behind it) or a rejection.</summary>
public sealed record ExecutionDecision
{
    private ExecutionDecision(Trade? trade, Fill? fill, Rejection? rejection)
    {
        Trade = trade;
        Fill = fill;
        Rejection = rejection;
    }

    /// <summary>The ledger record to append and then apply; null when rejected.</summary>
    public Trade? Trade { get; }

    /// <summary>The levels taken, for logs and reports; null when rejected.</summary>
    public Fill? Fill { get; }

    public Rejection? Rejection { get; }

    [MemberNotNullWhen(true, nameof(Trade), nameof(Fill))]
    [MemberNotNullWhen(false, nameof(Rejection))]
    public bool IsTrade => Trade is not null;

    public static ExecutionDecision Execute(Trade trade, Fill fill)
    {
        ArgumentNullException.ThrowIfNull(trade);
        ArgumentNullException.ThrowIfNull(fill);
        return new ExecutionDecision(trade, fill, null);
    }

    public static ExecutionDecision Reject(Rejection rejection)
    {
        ArgumentNullException.ThrowIfNull(rejection);
        return new ExecutionDecision(null, null, rejection);
    }
}
