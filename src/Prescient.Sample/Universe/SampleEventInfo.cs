namespace Prescient.Sample.Universe;

/// <summary>
/// Ground truth for one event at one instant, as <see cref="SampleUniverse.EventsAt"/> computes it
/// without any JSON: tests compute the exact expected result of filters from these values.
/// Liquidity and volume are USDC and equal the numbers the server sends.
/// </summary>
public sealed record SampleEventInfo
{
    /// <summary>Gamma event id (numeric string).</summary>
    public required string EventId { get; init; }

    /// <summary>Gamma <c>slug</c> (and <c>ticker</c>): plain words of the title, then the id.</summary>
    public required string Slug { get; init; }

    /// <summary>The title exactly as sent (hostile titles included).</summary>
    public required string Title { get; init; }

    /// <summary>Gamma <c>active</c>: false only for the few inactive events; stays true after closing.</summary>
    public required bool Active { get; init; }

    /// <summary>True once every market has closed (never true in <see cref="SampleUniverse.EventsAt"/>).</summary>
    public required bool Closed { get; init; }

    /// <summary>Gamma <c>archived</c>.</summary>
    public required bool Archived { get; init; }

    /// <summary>Gamma <c>enableOrderBook</c>: false for events whose markets have no CLOB book.</summary>
    public required bool EnableOrderBook { get; init; }

    /// <summary>A neg-risk group: 3–8 mutually exclusive legs sharing one <c>negRiskMarketID</c>.</summary>
    public required bool NegRisk { get; init; }

    /// <summary>Sum of the open markets' liquidity, USDC.</summary>
    public required decimal Liquidity { get; init; }

    /// <summary>Sum of the markets' volume, USDC.</summary>
    public required decimal Volume { get; init; }

    /// <summary>Gamma <c>startDate</c>: when the event was listed.</summary>
    public required DateTimeOffset StartDate { get; init; }

    /// <summary>The event's <c>endDate</c>: when its last market closes.</summary>
    public required DateTimeOffset EndDate { get; init; }

    /// <summary>Slugs of the event's tags, in the order sent.</summary>
    public required IReadOnlyList<string> TagSlugs { get; init; }

    public required IReadOnlyList<SampleMarketInfo> Markets { get; init; }
}
