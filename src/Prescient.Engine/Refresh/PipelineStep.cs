namespace Prescient.Engine.Refresh;

/// <summary>
/// A step of the pipeline that writes state later steps read. The CLI and the API name the command
/// or endpoint that runs it; the Engine only names the step.
/// </summary>
public enum PipelineStep
{
    /// <summary>Discover, filter and extract: <c>events/*.json</c>.</summary>
    Events,

    /// <summary>Quote the extracted markets: <c>markets/market_cache.json</c>.</summary>
    Quotes,

    /// <summary>Run the strategy: <c>trades/current_signals.json</c>.</summary>
    Signals,
}
