using System.Collections.Concurrent;

namespace Prescient.Sample.Server;

/// <summary>Thread-safe counters of the requests served and the faults injected.</summary>
public sealed class SampleServerStats
{
    private readonly ConcurrentDictionary<string, StrongBoxCounter> _routes = new(StringComparer.Ordinal);
    private readonly long[] _faults = new long[Enum.GetValues<SampleFaultKind>().Length];
    private long _total;
    private long _busyTicks;
    private long _marketChannelMessages;

    /// <summary>Every request received, all routes together (including <c>/sample/*</c>).</summary>
    public long TotalRequests => Interlocked.Read(ref _total);

    /// <summary>
    /// Wall-clock time the server spent computing replies (simulation and JSON), all requests
    /// together; injected latency and the socket transfer are excluded. Benchmarks compare it with
    /// the client's wall time.
    /// </summary>
    public TimeSpan BusyTime => TimeSpan.FromTicks(Interlocked.Read(ref _busyTicks));

    /// <summary>Frames sent on the market channel, every connection together (cut ones included, dropped or silenced ones not).</summary>
    public long MarketChannelMessages => Interlocked.Read(ref _marketChannelMessages);

    /// <summary>Requests received on a route (a <see cref="SampleRoutes"/> constant); 0 for a route never hit.</summary>
    public long Requests(string route) => _routes.TryGetValue(route, out var c) ? Interlocked.Read(ref c.Value) : 0;

    /// <summary>Faults of one kind injected so far.</summary>
    public long Faults(SampleFaultKind kind) => Interlocked.Read(ref _faults[(int)kind]);

    /// <summary>A snapshot of the per-route request counts.</summary>
    public IReadOnlyDictionary<string, long> RequestsByRoute =>
        _routes.ToDictionary(p => p.Key, p => Interlocked.Read(ref p.Value.Value), StringComparer.Ordinal);

    /// <summary>A snapshot of the per-kind fault counts.</summary>
    public IReadOnlyDictionary<SampleFaultKind, long> FaultsByKind =>
        Enum.GetValues<SampleFaultKind>().ToDictionary(k => k, Faults);

    internal void CountRequest(string route)
    {
        Interlocked.Increment(ref _total);
        Interlocked.Increment(ref _routes.GetOrAdd(route, _ => new StrongBoxCounter()).Value);
    }

    internal void AddBusyTime(TimeSpan elapsed) => Interlocked.Add(ref _busyTicks, elapsed.Ticks);

    internal void CountMarketChannelMessage() => Interlocked.Increment(ref _marketChannelMessages);

    internal void CountFault(SampleFaultKind kind) => Interlocked.Increment(ref _faults[(int)kind]);

    private sealed class StrongBoxCounter
    {
        public long Value;
    }
}
