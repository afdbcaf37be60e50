namespace Prescient.Engine.Refresh;

/// <summary>Where a refresh is: the stage ("discover", "quote", "write") and its counts so far.</summary>
public readonly record struct RefreshProgress(string Stage, int Done, int? Total);
