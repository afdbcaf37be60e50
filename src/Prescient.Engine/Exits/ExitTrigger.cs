namespace Prescient.Engine.Exits;

/// <summary>A rule that fired for one position, and why in words a trader reads.</summary>
public sealed record ExitTrigger(ExitReason Reason, string Detail);
