using Prescient.Engine.Markets;
using Prescient.Engine.Quotes;
using Prescient.Engine.Storage;

namespace Prescient.Engine.TimeSeries;

/// <summary>
/// Where prices and portfolio values go as time series (InfluxDB when configured, nowhere by
/// default). Every method returns at once and never throws: a sink queues what it is given and
/// sends it in the background, dropping (and counting) what does not fit, so that a slow or absent
/// time-series server can never hold up or fail the trading code that calls it.
/// </summary>
public interface ITimeSeriesSink
{
    /// <summary>What the sink has accepted, written and dropped since it started.</summary>
    TimeSeriesCounters Counters { get; }

    /// <summary>
    /// The best bid and ask (with mid and spread) of each quote that has a book, observed at
    /// <paramref name="observedAt"/> from <paramref name="source"/>.
    /// </summary>
    void RecordQuotes(IReadOnlyList<TokenQuote> quotes, DateTimeOffset observedAt, MarketSourceInfo source);

    /// <summary>The portfolio's values (cash, equity, exposure, …) at the snapshot's time; <paramref name="trigger"/> says what wrote it.</summary>
    void RecordPortfolio(PortfolioSnapshot snapshot, PortfolioTrigger trigger);
}
