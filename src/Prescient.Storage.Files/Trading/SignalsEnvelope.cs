using Prescient.Domain.Signals;
using Prescient.Engine.Signals;
using Prescient.Engine.Storage;
using Prescient.Storage.Files.Json;

namespace Prescient.Storage.Files.Trading;

/// <summary>
/// The shape of <c>trades/current_signals.json</c>: <c>{generated_at, source, simulated, strategy,
/// settings, count, signals, skipped_count, skipped}</c>. Settings are the strategy's as text, keys as given.
/// </summary>
internal sealed record SignalsEnvelope(
    DateTimeOffset GeneratedAt,
    string Source,
    bool Simulated,
    string Strategy,
    IReadOnlyDictionary<string, string> Settings,
    int Count,
    IReadOnlyList<Signal> Signals,
    int SkippedCount,
    IReadOnlyList<SkippedMarket> Skipped)
{
    public static SignalsEnvelope From(SignalsSnapshot snapshot) => new(
        snapshot.GeneratedAt,
        snapshot.Source.Name,
        snapshot.Source.IsSimulated,
        snapshot.Strategy,
        snapshot.Settings,
        snapshot.Signals.Count,
        snapshot.Signals,
        snapshot.Skipped.Count,
        snapshot.Skipped);

    /// <summary>The snapshot this file holds, after checking its source and both counts.</summary>
    public SignalsSnapshot ToSnapshot(string path)
    {
        var source = EnvelopeFields.Source(path, Source, Simulated);
        EnvelopeFields.RequireCount(path, "count", Count, Signals.Count, "signals");
        EnvelopeFields.RequireCount(path, "skipped_count", SkippedCount, Skipped.Count, "skipped markets");
        return new SignalsSnapshot(GeneratedAt, source, Strategy, Settings, Signals, Skipped);
    }
}
