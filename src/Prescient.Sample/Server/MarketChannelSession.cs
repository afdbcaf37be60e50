using System.Buffers;
using System.Net.WebSockets;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;
using Prescient.Sample.Universe;

namespace Prescient.Sample.Server;

/// <summary>
/// One market-channel connection: a reader of client messages, its <see cref="MarketChannelSubscription"/>,
/// and one sender that applies the WebSocket faults (drop, malformed frame, silence).
/// </summary>
internal sealed class MarketChannelSession
{
    /// <summary>Longest client message read, bytes; a longer one closes the connection (1009).</summary>
    private const int MaxMessageBytes = 1 << 20;

    /// <summary>Frames queued for a client that reads too slowly before its connection is dropped (a whole-universe session gets about 500 a second).</summary>
    private const int MaxQueuedFrames = 100_000;

    private readonly Channel<MarketChannelFrame> _outbox = Channel.CreateBounded<MarketChannelFrame>(new BoundedChannelOptions(MaxQueuedFrames) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    private readonly HttpContext _context;
    private readonly WebSocket _socket;
    private readonly MarketChannelEndpoint _channel;
    private readonly TaskCompletionSource _drop = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly MarketChannelSubscription _subscription;
    private long _sent;
    private bool _silent;

    public MarketChannelSession(long number, HttpContext context, WebSocket socket, MarketChannelEndpoint channel)
    {
        Number = number;
        _context = context;
        _socket = socket;
        _channel = channel;
        _subscription = new MarketChannelSubscription(channel, Enqueue);
    }

    /// <summary>The 0-based order in which the server accepted the connection; keys the malformed-frame draws.</summary>
    public long Number { get; }

    /// <summary>Reads client messages and sends frames until either side ends the connection.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var sender = SendAsync(cancellationToken);
        var receiver = ReceiveAsync(cancellationToken);
        try
        {
            var first = await Task.WhenAny(receiver, sender, _drop.Task);
            if (_drop.Task.IsCompleted)
            {
                // Dropped on purpose: returning with the read pending ends the TCP connection gracefully
                // (FIN, with no close frame), so the client still reads every frame sent before.
                Observe(receiver);
                return;
            }

            if (first == sender && sender.IsFaulted)
            {
                // The client cannot be written to: stop reading too rather than queue frames for nobody.
                Observe(receiver);
                _context.Abort();
                await sender;
            }

            await receiver;
        }
        finally
        {
            _outbox.Writer.TryComplete();
        }

        await sender;
    }

    private static void Observe(Task task) =>
        _ = task.ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);

    /// <summary>Sends what changed for the subscribed tokens between the last instant sent and <paramref name="tick"/>.</summary>
    public void Update(MarketChannelTick tick) => _subscription.Update(tick);

    /// <summary>Drops the connection without a close handshake; harmless once the connection has ended.</summary>
    public void Abort()
    {
        _outbox.Writer.TryComplete();
        try
        {
            _context.Abort();
        }
        catch (ObjectDisposedException)
        {
            // The request ended in the meantime (the server stopping races with the client leaving): nothing left to drop.
        }
    }

    private void Handle(ReadOnlySpan<byte> message)
    {
        if (message.SequenceEqual("PING"u8))
        {
            _subscription.Pong();
            return;
        }

        if (MarketChannelRequest.Parse(message) is not { } request)
        {
            // The live channel ignores what it cannot read; so does the sample.
            return;
        }

        if (request.Unsubscribe)
        {
            _subscription.Unsubscribe(request.AssetIds);
        }
        else
        {
            _subscription.Subscribe(request.AssetIds, request.InitialDump, request.CustomFeatureEnabled);
        }
    }

    private async Task ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        while (true)
        {
            var result = await _socket.ReceiveAsync(buffer.GetMemory(4096), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return;
            }

            buffer.Advance(result.Count);
            if (buffer.WrittenCount > MaxMessageBytes)
            {
                _outbox.Writer.TryComplete();
                return;
            }

            if (result.EndOfMessage)
            {
                if (result.MessageType == WebSocketMessageType.Text)
                {
                    Handle(buffer.WrittenSpan);
                }

                buffer.ResetWrittenCount();
            }
        }
    }

    private async Task SendAsync(CancellationToken cancellationToken)
    {
        var faults = _channel.Faults;
        await foreach (var frame in _outbox.Reader.ReadAllAsync(cancellationToken))
        {
            if (_silent)
            {
                continue;
            }

            var bytes = frame.Bytes;
            if (frame.Json && IsMalformed(faults.WsMalformedRate, _sent))
            {
                _channel.Stats.CountFault(SampleFaultKind.WsMalformed);
                bytes = bytes[..(bytes.Length / 2)];
            }

            await _socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
            _sent++;
            _channel.Stats.CountMarketChannelMessage();
            if (faults.WsDropAfter > 0 && _sent >= faults.WsDropAfter)
            {
                _channel.Stats.CountFault(SampleFaultKind.WsDrop);
                _outbox.Writer.TryComplete();
                _drop.TrySetResult();
                return;
            }

            if (faults.WsSilentAfter > 0 && _sent >= faults.WsSilentAfter)
            {
                _channel.Stats.CountFault(SampleFaultKind.WsSilent);
                _silent = true;
            }
        }

        if (_silent)
        {
            // Silent to the end: no close frame either; the client finds out by itself.
            _context.Abort();
        }
        else if (_socket.State == WebSocketState.CloseReceived)
        {
            await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, cancellationToken);
        }
        else if (_socket.State == WebSocketState.Open)
        {
            await _socket.CloseOutputAsync(WebSocketCloseStatus.MessageTooBig, "message too long", cancellationToken);
        }
    }

    /// <summary>Whether frame <paramref name="n"/> (0-based) of this connection is cut short: a draw keyed by the seed, the connection number and n.</summary>
    private bool IsMalformed(double rate, long n) =>
        rate > 0 && (SampleRandom.Hash((ulong)(uint)_channel.Seed, 0x3a1f, (ulong)Number, (ulong)n) >> 11) * (1.0 / (1UL << 53)) < rate;

    private void Enqueue(MarketChannelFrame frame)
    {
        if (!_outbox.Writer.TryWrite(frame) && !_outbox.Reader.Completion.IsCompleted)
        {
            // The client is far behind: drop it, as a real server does, rather than queue without bound.
            Abort();
        }
    }
}
