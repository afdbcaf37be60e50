namespace Prescient.Engine.Markets;

/// <summary>
/// Where market data comes from. <see cref="Name"/> is "sample" or "live"; data from the sample
/// market is labelled simulated in every output it reaches.
/// </summary>
public sealed record MarketSourceInfo(string Name, bool IsSimulated)
{
    public static readonly MarketSourceInfo Sample = new("sample", IsSimulated: true);

    public static readonly MarketSourceInfo Live = new("live", IsSimulated: false);

    /// <summary>"simulated" or "live": the label shown in CSV cells and terminal tables.</summary>
    public string Label => IsSimulated ? "simulated" : "live";
}
