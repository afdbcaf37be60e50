using Prescient.Domain.Ids;

namespace Prescient.Engine.Signals;

/// <summary>A market the strategy considered and did not signal, with a reason code and the numbers in words.</summary>
public sealed record SkippedMarket(EventId EventId, MarketId MarketId, string? Question, SkipReason Reason, string Detail);
