namespace Prescient.Sample.Universe;

/// <summary>
/// What a <see cref="SampleUniverse"/> is a function of, besides time. Two universes with equal
/// options produce identical events, prices and books at every instant.
/// </summary>
public sealed record SampleUniverseOptions
{
    /// <summary>The largest universe accepted: a million events open at once.</summary>
    public const int MaxEvents = 1_000_000;

    /// <summary>The default genesis: 2025-01-01T00:00:00Z.</summary>
    public static readonly DateTimeOffset DefaultGenesis = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Seed of every simulated value. Default 42.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>
    /// How many events are open at any moment from <see cref="Genesis"/> on (one per slot: an event
    /// that closes is followed at once by the next one of its slot). Default 300; 1 to <see cref="MaxEvents"/>.
    /// </summary>
    public int Events { get; init; } = 300;

    /// <summary>
    /// The first instant at which the universe is full: every slot has an open event whose start lies
    /// before it. Must be a UTC midnight. Default <see cref="DefaultGenesis"/>.
    /// </summary>
    public DateTimeOffset Genesis { get; init; } = DefaultGenesis;

    /// <summary>
    /// When true, half the markets (by id) resolve some hours after they close, between 10:00 and
    /// 17:00 UTC: closed but not yet settleable at a morning cycle, resolved by the evening. Default false.
    /// </summary>
    public bool MiddayResolutions { get; init; }

    /// <summary>A one-line description of the first invalid value, or null when the options are valid.</summary>
    public string? Validate()
    {
        if (Events is < 1 or > MaxEvents)
        {
            return $"Sample events must be between 1 and {MaxEvents:N0} (got {Events}).";
        }

        if (Genesis.Offset != TimeSpan.Zero || Genesis.TimeOfDay != TimeSpan.Zero)
        {
            return $"Sample genesis must be a UTC midnight such as 2025-01-01T00:00:00Z (got {Genesis:O}).";
        }

        return null;
    }
}
