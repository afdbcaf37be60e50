namespace Prescient.Sample.Universe;

/// <summary>
/// What a slot's events are like. Each slot keeps one profile for all its events, and profiles are
/// spread over the slots in proportion to their weight, so every profile is present at every
/// instant once the universe has enough events (about 1/weight).
/// </summary>
internal enum EventProfile
{
    Binary,
    Ladder,
    NegRisk,
    Sports,
    CryptoUpDown,
    LongDated,
    LowLiquidity,
    LowVolume,
    NoOrderBook,
    NotAccepting,
    Archived,
    Inactive,
}

/// <summary>The shape of an event's markets.</summary>
internal enum EventKind
{
    /// <summary>One Yes/No market.</summary>
    Binary,

    /// <summary>2–5 Yes/No markets "by date", ending one after another.</summary>
    Ladder,

    /// <summary>3–8 mutually exclusive legs whose YES prices sum to about 1.</summary>
    NegRisk,

    /// <summary>One moneyline market between two teams, with sports taker fees.</summary>
    Sports,

    /// <summary>One Up/Down market living less than a day, with crypto taker fees.</summary>
    CryptoUpDown,
}

/// <summary>Weight (per 1,000 slots), kind and lifetime range of each profile.</summary>
internal sealed record ProfileSpec(EventProfile Profile, int Weight, EventKind Kind, TimeSpan MinLife, TimeSpan MaxLife)
{
    public static readonly IReadOnlyList<ProfileSpec> All =
    [
        new(EventProfile.Binary, 390, EventKind.Binary, TimeSpan.FromDays(7), TimeSpan.FromDays(330)),
        new(EventProfile.Ladder, 110, EventKind.Ladder, TimeSpan.FromDays(90), TimeSpan.FromDays(540)),
        new(EventProfile.NegRisk, 110, EventKind.NegRisk, TimeSpan.FromDays(30), TimeSpan.FromDays(700)),
        new(EventProfile.Sports, 100, EventKind.Sports, TimeSpan.FromDays(1.5), TimeSpan.FromDays(8)),
        new(EventProfile.CryptoUpDown, 50, EventKind.CryptoUpDown, TimeSpan.FromHours(4), TimeSpan.FromHours(23)),
        new(EventProfile.LongDated, 60, EventKind.Binary, TimeSpan.FromDays(500), TimeSpan.FromDays(900)),
        new(EventProfile.LowLiquidity, 40, EventKind.Binary, TimeSpan.FromDays(10), TimeSpan.FromDays(200)),
        new(EventProfile.LowVolume, 40, EventKind.Binary, TimeSpan.FromDays(10), TimeSpan.FromDays(200)),
        new(EventProfile.NoOrderBook, 30, EventKind.Binary, TimeSpan.FromDays(10), TimeSpan.FromDays(200)),
        new(EventProfile.NotAccepting, 30, EventKind.Binary, TimeSpan.FromDays(10), TimeSpan.FromDays(200)),
        new(EventProfile.Archived, 20, EventKind.Binary, TimeSpan.FromDays(10), TimeSpan.FromDays(200)),
        new(EventProfile.Inactive, 20, EventKind.Binary, TimeSpan.FromDays(10), TimeSpan.FromDays(200)),
    ];

    public static readonly int TotalWeight = All.Sum(p => p.Weight);

    public static ProfileSpec For(EventProfile profile) => All[(int)profile];

    /// <summary>The profile at position <paramref name="u"/> in [0, 1) of the cumulative weights.</summary>
    public static ProfileSpec At(double u)
    {
        var target = u * TotalWeight;
        var cumulative = 0;
        foreach (var spec in All)
        {
            cumulative += spec.Weight;
            if (target < cumulative)
            {
                return spec;
            }
        }

        return All[^1];
    }
}
