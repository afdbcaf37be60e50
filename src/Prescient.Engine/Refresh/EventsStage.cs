namespace Prescient.Engine.Refresh;

/// <summary>How far an events run goes; each stage also writes everything the earlier ones write.</summary>
public enum EventsStage
{
    /// <summary>Discover and filter: raw and filtered events JSON, events_filtered.csv.</summary>
    Filter,

    /// <summary>Also extract: filtered_markets.json, markets_extracted.csv.</summary>
    Extract,

    /// <summary>Also the full timestamped events export.</summary>
    All,
}
