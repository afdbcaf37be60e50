using Prescient.Domain.Ids;

namespace Prescient.Domain.Trading;

/// <summary>A signal that was not filled, with a reason code and the numbers behind it in words.</summary>
public sealed record Rejection(SignalId SignalId, MarketId MarketId, RejectionReason Reason, string Detail);
