namespace Prescient.Sample.Universe;

/// <summary>The time-independent description of one simulated event (one generation of one slot).</summary>
internal sealed class EventBlueprint
{
    public required long Id { get; init; }

    public required int Slot { get; init; }

    public required int Generation { get; init; }

    public required EventProfile Profile { get; init; }

    public required EventKind Kind { get; init; }

    public required Topic Topic { get; init; }

    /// <summary>The format of the event's <c>endDate</c> text; the end instant is quantized to it.</summary>
    public required DateFormat EndFormat { get; init; }

    public required long StartTicks { get; init; }

    /// <summary>When the event's last market closes; the event is closed from then on.</summary>
    public required long EndTicks { get; init; }

    public required string Title { get; init; }

    public required string Slug { get; init; }

    public required string Description { get; init; }

    public required string[] TagSlugs { get; init; }

    public required MarketBlueprint[] Markets { get; init; }

    /// <summary>Event-level liquidity and volume are sent as JSON strings (a real Gamma quirk).</summary>
    public bool NumbersAsStrings { get; init; }

    public string? NegRiskMarketId { get; init; }

    public string? League { get; init; }

    public long GameId { get; init; }

    public int CommentCount { get; init; }

    public bool Active => Profile != EventProfile.Inactive;

    public bool Archived => Profile == EventProfile.Archived;

    public bool EnableOrderBook => Profile != EventProfile.NoOrderBook;

    /// <summary>Markets accept orders while open, unless trading is paused or the book disabled.</summary>
    public bool Tradeable => Profile is not (EventProfile.NotAccepting or EventProfile.NoOrderBook);

    public bool NegRisk => Kind == EventKind.NegRisk;

    public DateTimeOffset Start => new(StartTicks, TimeSpan.Zero);

    public DateTimeOffset End => new(EndTicks, TimeSpan.Zero);

    public bool IsClosedAt(long utcTicks) => utcTicks >= EndTicks;
}
