using Prescient.Engine.Markets;
using Prescient.Engine.Quotes;
using Prescient.Engine.Storage;

namespace Prescient.Engine.TimeSeries;

/// <summary>The default: no time-series server, nothing recorded.</summary>
public sealed class NoTimeSeriesSink : ITimeSeriesSink
{
    public static NoTimeSeriesSink Instance { get; } = new();

    public TimeSeriesCounters Counters => default;

    public void RecordQuotes(IReadOnlyList<TokenQuote> quotes, DateTimeOffset observedAt, MarketSourceInfo source)
    {
    }

    public void RecordPortfolio(PortfolioSnapshot snapshot, PortfolioTrigger trigger)
    {
    }
}
