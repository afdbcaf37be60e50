using System.Diagnostics.Metrics;
using Microsoft.Extensions.Hosting;
using Prescient.Bus.Redis;
using Prescient.Engine.Observability;
using Prescient.Engine.Quotes;
using Prescient.Engine.Runs;
using Prescient.Engine.TimeSeries;
using Prometheus;

namespace Prescient.Host.Observability;

/// <summary>
/// What <c>serve</c> adds to the trading and HTTP metrics (meter <see cref="TradingMeter.Name"/>) before
/// exporting them all on <c>/metrics</c> through prometheus-net: every run (cycle, end of day, intraday)
/// timed by kind and result as it finishes, and, read when Prometheus scrapes, the live feed's state
/// (connections, tokens, reconnects, age of the newest message, frames taped and dropped), the time-series writer's counters and
/// the work bus (<see cref="BusMetrics"/>).
/// </summary>
internal sealed class ServeMetrics(RunGuard guard, ITimeSeriesSink series, ILiveFeedStatus? feed = null, RedisBus? bus = null) : IHostedService
{
    private static readonly Meter Meter = new(TradingMeter.Name);
    private static readonly Histogram<double> Runs = Meter.CreateHistogram<double>(
        "run_duration_seconds", description: "Runs (cycle, end of day, intraday) by kind and result, timed start to finish (seconds).");

    private static int _adapterConfigured;
    private static Func<LiveFeedState?>? _feed;
    private static ITimeSeriesSink? _series;
    private Func<LiveFeedState?>? _reader;

    static ServeMetrics()
    {
        Meter.CreateObservableGauge("feed_connections", () => Feed(f => f.ConnectedConnections), description: "Market-channel connections open.");
        Meter.CreateObservableGauge("feed_tokens", () => Feed(f => f.Tokens), description: "Tokens subscribed on the market channel.");
        Meter.CreateObservableCounter("feed_reconnects", () => Feed(f => f.Reconnects), description: "Market-channel reconnections since the start.");
        Meter.CreateObservableGauge("feed_lag_seconds", () => Feed(f => f.LastMessageAge?.TotalSeconds ?? 0), description: "Age of the newest market-channel message (seconds).");
        Meter.CreateObservableCounter("feed_tape_frames_written", () => Feed(f => f.Tape?.Written ?? 0), description: "Market-channel frames written to the feed tape (Feed:Record).");
        Meter.CreateObservableCounter("feed_tape_frames_dropped", () => Feed(f => (f.Tape?.Dropped ?? 0) + (f.Tape?.Failed ?? 0)), description: "Market-channel frames not recorded: the tape writer's buffer full, or a failed write (the feed never waits for the disk).");
        Meter.CreateObservableCounter("timeseries_points_written", () => Volatile.Read(ref _series)?.Counters.Written ?? 0, description: "Time-series points the InfluxDB writer has sent.");
        Meter.CreateObservableCounter("timeseries_points_dropped", () => Volatile.Read(ref _series)?.Counters.Dropped ?? 0, description: "Time-series points dropped with the writer's buffer full (trading never waits for InfluxDB).");
        Meter.CreateObservableCounter("timeseries_failed_writes", () => Volatile.Read(ref _series)?.Counters.FailedWrites ?? 0, description: "InfluxDB writes that failed and were retried.");
    }

    /// <summary>
    /// Once per process, before the first scrape: the meter adapter keeps a series for a day (its most) without
    /// an update (the default is 5 minutes; the equity changes once a cycle).
    /// </summary>
    public static void ConfigureExport()
    {
        if (Interlocked.Exchange(ref _adapterConfigured, 1) == 0)
        {
            Metrics.ConfigureMeterAdapter(o => o.MetricsExpireAfter = TimeSpan.FromDays(1));

            // The default registry starts its adapters at its first collection: start them now, so that
            // what happens before the first scrape (the start-up, a first cycle) is counted.
            Metrics.DefaultRegistry.CollectAndExportAsTextAsync(Stream.Null).GetAwaiter().GetResult();
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        guard.Finished += OnFinished;
        Volatile.Write(ref _series, series);
        BusMetrics.Watch(bus);
        if (feed is not null)
        {
            _feed = _reader = () => feed.Current;
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        guard.Finished -= OnFinished;
        Interlocked.CompareExchange(ref _feed, null, _reader);
        BusMetrics.Watch(null);
        return Task.CompletedTask;
    }

    /// <summary>A figure of the feed at the scrape; 0 without a feed, or when it cannot say (a scrape never fails on it).</summary>
    private static double Feed(Func<LiveFeedState, double> figure)
    {
        try
        {
            return Volatile.Read(ref _feed)?.Invoke() is { } state ? figure(state) : 0;
        }
        catch (ObjectDisposedException)
        {
            return 0;
        }
    }

    private static void OnFinished(RunFinished run) =>
        Runs.Record(
            Math.Max(0, (run.FinishedAt - run.StartedAt).TotalSeconds),
            new KeyValuePair<string, object?>("kind", run.Kind),
            new KeyValuePair<string, object?>("result", run.Succeeded ? "succeeded" : "failed"));
}
