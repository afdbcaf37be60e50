using Prescient.Domain.Signals;

namespace Prescient.Engine.Signals;

/// <summary>The signals emitted, and every market considered but skipped with its reason.</summary>
public sealed record StrategyResult(IReadOnlyList<Signal> Signals, IReadOnlyList<SkippedMarket> Skipped);
