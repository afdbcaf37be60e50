using System.Diagnostics.CodeAnalysis;
using Prescient.Domain.Trading;

namespace Prescient.Engine.Trading;

/// <summary>The outcome of walking a book: a fill, or a rejection reason with the numbers behind it in words.</summary>
public sealed record FillAttempt
{
    private FillAttempt(Fill? fill, RejectionReason? reason, string? detail)
    {
        Fill = fill;
        Reason = reason;
        Detail = detail;
    }

    public Fill? Fill { get; }

    public RejectionReason? Reason { get; }

    public string? Detail { get; }

    [MemberNotNullWhen(true, nameof(Fill))]
    [MemberNotNullWhen(false, nameof(Reason), nameof(Detail))]
    public bool IsFilled => Fill is not null;

    public static FillAttempt Filled(Fill fill)
    {
        ArgumentNullException.ThrowIfNull(fill);
        return new FillAttempt(fill, null, null);
    }

    public static FillAttempt Rejected(RejectionReason reason, string detail)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(detail);
        return new FillAttempt(null, reason, detail);
    }

    public override string ToString() => IsFilled ? $"filled {Fill.Shares} shares" : $"rejected {Reason}: {Detail}";
}
