using Prescient.Engine.Refresh;

namespace Prescient.Engine.Exports;

/// <summary>A CSV not written because its JSON source (<see cref="File"/>, relative to the data folder) does not exist yet; <see cref="Step"/> writes it.</summary>
public sealed record SkippedExport(string File, PipelineStep Step);
