namespace Prescient.Sample.Server;

/// <summary>
/// Switches that make the sample server reproduce awkward but real Polymarket behaviour, so that a
/// trading loop against it meets every case the recorded payloads show. All off by default.
/// </summary>
public sealed record ScenarioOptions
{
    /// <summary>Gamma <c>/markets/{id}</c> answers without the nested parent <c>events</c>, as some real replies do.</summary>
    public bool MarketsWithoutEvents { get; init; }

    /// <summary>The best ask of every book holds only a few shares, so a stake walks deep into the book.</summary>
    public bool ThinBestLevels { get; init; }

    /// <summary>Some tokens answer <c>/books</c> with a stale 0.01/0.99 book while the market trades elsewhere (py-clob-client#180).</summary>
    public bool GhostBooks { get; init; }

    /// <summary>Some markets close and resolve in the middle of the day, between the 09:00 cycle and the 18:00 end of day, some with a pending (not yet settleable) resolution first.</summary>
    public bool MiddayResolutions { get; init; }

    /// <summary>Every switch on.</summary>
    public static ScenarioOptions All => new() { MarketsWithoutEvents = true, ThinBestLevels = true, GhostBooks = true, MiddayResolutions = true };
}
