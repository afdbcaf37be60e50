using Prescient.Domain.Trading;

namespace Prescient.Engine.Trading;

/// <summary>Why a book is not to be trusted (a reason code) and the numbers behind it in words.</summary>
public sealed record BookRefusal(RejectionReason Reason, string Detail);
