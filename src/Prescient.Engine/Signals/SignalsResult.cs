using Prescient.Engine.Storage;

namespace Prescient.Engine.Signals;

/// <summary>
/// One signal run: the snapshot written to <c>trades/current_signals.json</c>, the number of signals,
/// the skipped markets counted by reason, and the paths written (JSON, then CSV).
/// </summary>
public sealed record SignalsResult(
    SignalsSnapshot Snapshot,
    int Signals,
    IReadOnlyDictionary<SkipReason, int> Skipped,
    IReadOnlyList<string> FilesWritten);
