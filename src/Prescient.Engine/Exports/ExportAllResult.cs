namespace Prescient.Engine.Exports;

/// <summary>The CSVs regenerated, and for each one that could not be, why (its JSON source is not written yet).</summary>
public sealed record ExportAllResult(IReadOnlyList<string> Files, IReadOnlyDictionary<string, string> Skipped);
