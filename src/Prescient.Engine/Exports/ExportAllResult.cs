namespace Prescient.Engine.Exports;

/// <summary>The CSVs regenerated, and for each one that could not be (by name), the JSON source not written yet and the step that writes it.</summary>
public sealed record ExportAllResult(IReadOnlyList<string> Files, IReadOnlyDictionary<string, SkippedExport> Skipped);
