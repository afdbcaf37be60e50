namespace Prescient.Engine.Refresh;

/// <summary>
/// Where a refresh is: the stage ("discover", "quote", "write") and its counts so far. A cycle goes on
/// with "signals", "execute" and "export" (no counts).
/// </summary>
public readonly record struct RefreshProgress(string Stage, int Done, int? Total);
