namespace Prescient.Engine.Signals;

/// <summary>Which strategy runs. Keys <c>Strategy:Name</c> and <c>Strategy:Assembly</c>; the defaults are the documented defaults.</summary>
public sealed record StrategySelectionOptions
{
    public const string SectionName = "Strategy";

    /// <summary>The strategy's name: a built-in one (<c>threshold</c>, <c>favourite</c>) or one that <see cref="Assembly"/> declares. Default "threshold".</summary>
    public string Name { get; init; } = ThresholdStrategy.StrategyName;

    /// <summary>The path of a .NET assembly (a DLL built against Prescient.Engine) whose public strategies can be named too; relative to the working folder. Default none.</summary>
    public string? Assembly { get; init; }
}
