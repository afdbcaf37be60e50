using System.Diagnostics.Metrics;
using Prescient.Bus.Redis;
using Prescient.Engine.Observability;

namespace Prescient.Host.Observability;

/// <summary>
/// The work bus on <c>/metrics</c> when <c>serve</c> runs with <c>--bus redis</c>, read from Redis when
/// Prometheus scrapes: per stage the messages no worker has read (<c>bus_waiting</c>, the queue lag) and
/// those read but unfinished (<c>bus_in_progress</c>), the dead letters and the workers alive. Without a
/// bus, or when Redis does not answer, each reads 0 (a scrape never fails on it).
/// </summary>
internal static class BusMetrics
{
    private static readonly Meter Meter = new(TradingMeter.Name);
    private static RedisBus? _bus;

    static BusMetrics()
    {
        Meter.CreateObservableGauge("bus_waiting", () => Stages(s => s.Lag), description: "Messages of each stage no worker has read yet (queue lag).");
        Meter.CreateObservableGauge("bus_in_progress", () => Stages(s => s.Pending), description: "Messages of each stage read by a worker and not finished yet.");
        Meter.CreateObservableGauge("bus_dead_letters", () => Status()?.DeadLetters ?? 0, description: "Messages moved to the dead letters after failing every attempt.");
        Meter.CreateObservableGauge("bus_workers", () => Status()?.Workers.Count ?? 0, description: "Workers alive (heartbeat within 10 s).");
    }

    /// <summary>Reads <paramref name="bus"/> at each scrape from now on (null: no bus, zeros).</summary>
    public static void Watch(RedisBus? bus) => Volatile.Write(ref _bus, bus);

    private static IEnumerable<Measurement<long>> Stages(Func<StageStatus, long> figure)
    {
        var status = Status();
        foreach (var stream in BusStreams.Stages)
        {
            var stage = status?.Stages.FirstOrDefault(s => s.Stream == stream);
            yield return new Measurement<long>(stage is null ? 0 : figure(stage), new KeyValuePair<string, object?>("stage", stream.Replace("prescient:", string.Empty, StringComparison.Ordinal)));
        }
    }

    private static BusStatus? Status()
    {
        try
        {
            return Volatile.Read(ref _bus)?.StatusAsync().GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is StackExchange.Redis.RedisException or TimeoutException or ObjectDisposedException)
        {
            return null;
        }
    }
}
