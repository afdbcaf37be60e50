using System.Collections.Concurrent;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace Prescient.Sample.Server;

/// <summary>
/// <c>GET /ws/market</c>: Polymarket's market channel over the sample universe. One loop, on the
/// server's <see cref="TimeProvider"/>, wakes every <see cref="SampleServerOptions.MarketChannelInterval"/>,
/// reads the universe at <see cref="SampleClock.Now"/> (each event and book once, whatever the number
/// of connections) and gives every session what changed for its tokens since its last frame.
/// </summary>
internal sealed partial class MarketChannelEndpoint : IAsyncDisposable
{
    private readonly ConcurrentDictionary<long, MarketChannelSession> _sessions = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly TimeProvider _time;
    private readonly TimeSpan _interval;
    private readonly ILogger _logger;
    private long _accepted = -1;
    private bool _stopped;
    private HashSet<(int Slot, int Generation)>? _open;
    private Task _loop = Task.CompletedTask;

    public MarketChannelEndpoint(SampleBooks books, SampleClock clock, TimeProvider time, SampleServerOptions options, SampleServerStats stats, ILogger logger)
    {
        Books = books;
        Clock = clock;
        _time = time;
        _interval = options.MarketChannelInterval;
        Faults = options.Faults;
        Seed = options.Seed;
        Stats = stats;
        _logger = logger;
    }

    public SampleBooks Books { get; }

    public SampleClock Clock { get; }

    public FaultOptions Faults { get; }

    public int Seed { get; }

    public SampleServerStats Stats { get; }

    public void Map(IEndpointRouteBuilder app) => app.MapGet("/ws/market", AcceptAsync);

    /// <summary>Starts the loop that moves the market for the connected sessions.</summary>
    public void Start() => _loop = RunAsync(_stop.Token);

    /// <summary>Ends the loop and drops every connection (idempotent), so that the host can stop without waiting for clients.</summary>
    public void Stop()
    {
        lock (_stop)
        {
            if (!_stopped)
            {
                _stopped = true;
                _stop.Cancel();
            }
        }

        foreach (var session in _sessions.Values)
        {
            session.Abort();
        }
    }

    public async ValueTask DisposeAsync()
    {
        Stop();
        await _loop;
        _stop.Dispose();
    }

    private async Task AcceptAsync(HttpContext context)
    {
        Stats.CountRequest(SampleRoutes.MarketChannel);
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsync("Expected a WebSocket upgrade.", context.RequestAborted);
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var session = new MarketChannelSession(Interlocked.Increment(ref _accepted), context, socket, this);
        _sessions[session.Number] = session;
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stop.Token);
        try
        {
            await session.RunAsync(ended.Token);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException)
        {
            // The connection ended (client gone, dropped on purpose, server stopping): nothing to answer.
            LogSessionEnded(session.Number, e.GetType().Name);
        }
        finally
        {
            _sessions.TryRemove(session.Number, out _);
        }
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_interval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var tick = new MarketChannelTick(Books, Clock.Now.UtcTicks);
                AnnounceNewEvents(tick);
                if (_sessions.IsEmpty)
                {
                    continue;
                }

                foreach (var session in _sessions.Values)
                {
                    try
                    {
                        session.Update(tick);
                    }
#pragma warning disable CA1031 // A bug in one session must not stop the market for the others: logged, and that connection dropped.
                    catch (Exception e)
#pragma warning restore CA1031
                    {
                        LogUpdateFailed(e, session.Number);
                        session.Abort();
                    }
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Server stopping.
        }
    }

    /// <summary>
    /// Fills <see cref="MarketChannelTick.NewMarkets"/> with the markets of the events open now that were
    /// not open at the previous tick (none at the first tick, which only takes stock).
    /// </summary>
    private void AnnounceNewEvents(MarketChannelTick tick)
    {
        var universe = Books.Universe;
        var open = new HashSet<(int Slot, int Generation)>(universe.Enumerate(tick.Ticks, Universe.ClosedFilter.Open, 0));
        if (_open is not null)
        {
            foreach (var (slot, generation) in open.Where(e => !_open.Contains(e)).Order())
            {
                var blueprint = universe.Factory.Create(slot, generation);
                foreach (var market in blueprint.Markets)
                {
                    var buffer = new System.Buffers.ArrayBufferWriter<byte>(2048);
                    using (var w = new System.Text.Json.Utf8JsonWriter(buffer))
                    {
                        Wire.MarketChannelWriter.WriteNewMarket(w, blueprint, market, tick.Ticks);
                    }

                    tick.NewMarkets.Add(buffer.WrittenSpan.ToArray());
                }
            }
        }

        _open = open;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Market channel session {Session} ended ({Reason})")]
    private partial void LogSessionEnded(long session, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Market channel update failed for session {Session}; connection dropped")]
    private partial void LogUpdateFailed(Exception exception, long session);
}
