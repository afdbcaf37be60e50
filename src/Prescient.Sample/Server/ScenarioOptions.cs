namespace Prescient.Sample.Server;

/// <summary>
/// Switches that make the sample server reproduce awkward but real Polymarket behaviour, so that a
/// trading loop against it meets every case the recorded payloads show. All off by default.
/// </summary>
public sealed record ScenarioOptions
{
    /// <summary>Gamma <c>/markets/{id}</c> answers without the nested parent <c>events</c>, as some real replies do.</summary>
    public bool MarketsWithoutEvents { get; init; }

    /// <summary>The best ask and the best bid of every book hold only 1 to 5 shares (deeper levels as usual, NO still the mirror of YES), so a stake walks deep into the book.</summary>
    public bool ThinBestLevels { get; init; }

    /// <summary>
    /// One market in ten (by id) has a token that answers <c>/book</c> and <c>/books</c> with a stale
    /// 0.01/0.99 book in about half of the simulated hours, while Gamma and the other token show the
    /// real market (py-clob-client#180); <see cref="SampleServer.HasGhostBook"/> says which, when.
    /// </summary>
    public bool GhostBooks { get; init; }

    /// <summary>Some markets close and resolve in the middle of the day, between the 09:00 cycle and the 18:00 end of day, some with a pending (not yet settleable) resolution first.</summary>
    public bool MiddayResolutions { get; init; }

    /// <summary>Every switch on.</summary>
    public static ScenarioOptions All => new() { MarketsWithoutEvents = true, ThinBestLevels = true, GhostBooks = true, MiddayResolutions = true };
}
