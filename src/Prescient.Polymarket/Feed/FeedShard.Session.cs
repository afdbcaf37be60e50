using System.Net.WebSockets;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Prescient.Domain.Ids;

namespace Prescient.Polymarket.Feed;

/// <summary>One connection's life: connect, subscribe, read until it is lost.</summary>
internal sealed partial class FeedShard
{
    private const int FirstBufferBytes = 64 * 1024;
    private volatile bool _silent;

    /// <summary>Returns whether the connection was made, and why the session ended.</summary>
    private async Task<(bool Connected, string Cause)> SessionAsync(bool connectedBefore, CancellationToken ct)
    {
        using var socket = new ClientWebSocket();
        // Keep-alive is the application's PING/PONG, which the silence check also sees.
        socket.Options.KeepAliveInterval = TimeSpan.Zero;
        try
        {
            using var timeout = new CancellationTokenSource(_options.ConnectTimeout, _time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
            await socket.ConnectAsync(_options.Url, linked.Token);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException or HttpRequestException)
        {
            return (false, ct.IsCancellationRequested ? "stopped" : "connect failed: " + e.Message);
        }

        var outbox = Channel.CreateUnbounded<ReadOnlyMemory<byte>>(new UnboundedChannelOptions { SingleReader = true });
        TokenId[] tokens;
        lock (_gate)
        {
            tokens = [.. _tokens];
            outbox.Writer.TryWrite(SubscriptionMessages.Initial(tokens, _options.InitialDump, _options.CustomFeatures));
            _outbox = outbox;
        }

        DrainForgotten();
        if (connectedBefore)
        {
            Interlocked.Increment(ref _reconnects);
            _keeper.ResetAll(tokens);
        }

        _silent = false;
        Interlocked.Exchange(ref _lastMessageTicks, _time.GetUtcNow().UtcTicks);
        _state = ShardState.Connected;
        FeedLog.Connected(_logger, Index, _options.Url, tokens.Length, Interlocked.Read(ref _reconnects));
        using var session = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var check = TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerMillisecond * 100, Math.Min(_options.SilenceTimeout.Ticks, _options.PingInterval.Ticks) / 10));

        // The timers start before the writer can send the subscription, so whoever sees the
        // subscription (a test on a fake clock) knows both timers are running.
        using var ping = _time.CreateTimer(_ => outbox.Writer.TryWrite(SubscriptionMessages.Ping), null, _options.PingInterval, _options.PingInterval);
        using var silence = _time.CreateTimer(_ => CheckSilence(socket), null, check, check);
        var writer = WriteAsync(socket, outbox.Reader, session.Token);
        string cause;
        try
        {
            cause = await ReceiveAsync(socket, session.Token);
        }
        catch (Exception e) when (e is WebSocketException or IOException or OperationCanceledException)
        {
            cause = ct.IsCancellationRequested ? "stopped" : _silent ? "silence" : e.Message;
        }
        finally
        {
            lock (_gate)
            {
                _outbox = null;
            }

            outbox.Writer.TryComplete();
            await session.CancelAsync();
            socket.Abort();
            await writer;
        }

        return (true, cause);
    }

    private async Task<string> ReceiveAsync(ClientWebSocket socket, CancellationToken ct)
    {
        var buffer = new byte[FirstBufferBytes];
        var count = 0;
        var oversized = false;
        while (true)
        {
            if (count == buffer.Length)
            {
                if (buffer.Length >= _options.MaxFrameBytes)
                {
                    oversized = true;
                    count = 0;
                }
                else
                {
                    Array.Resize(ref buffer, Math.Min(buffer.Length * 2, _options.MaxFrameBytes));
                }
            }

            var result = await socket.ReceiveAsync(buffer.AsMemory(count), ct);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return $"closed by the server ({socket.CloseStatus} {socket.CloseStatusDescription})";
            }

            count += result.Count;
            if (result.EndOfMessage)
            {
                OnFrame(buffer.AsSpan(0, count), oversized);
                count = 0;
                oversized = false;
            }
        }
    }

    private void OnFrame(ReadOnlySpan<byte> frame, bool oversized)
    {
        Interlocked.Exchange(ref _lastMessageTicks, _time.GetUtcNow().UtcTicks);
        Interlocked.Increment(ref _frames);
        DrainForgotten();
        if (!oversized)
        {
            _tap?.OnFrame(frame);
        }

        var result = oversized
            ? new FrameResult(FrameOutcome.Malformed, 0, 0, $"frame longer than {_options.MaxFrameBytes} bytes")
            : _parser.Parse(frame, _keeper);
        if (result.Outcome == FrameOutcome.Pong)
        {
            Interlocked.Increment(ref _pongs);
        }
        else if (result.IsMalformed)
        {
            Interlocked.Increment(ref _malformed);
            FeedLog.Malformed(_logger, Index, frame.Length, result.Error!);
        }

        if (result.Messages > 0)
        {
            Interlocked.Add(ref _messages, result.Messages);
        }

        if (result.Unknown > 0)
        {
            Interlocked.Add(ref _unknown, result.Unknown);
        }
    }

    private void CheckSilence(ClientWebSocket socket)
    {
        var quietFor = _time.GetUtcNow() - new DateTimeOffset(Interlocked.Read(ref _lastMessageTicks), TimeSpan.Zero);
        if (quietFor >= _options.SilenceTimeout && !_silent)
        {
            _silent = true;
            Interlocked.Increment(ref _silenceDrops);
            FeedLog.Silent(_logger, Index, (long)quietFor.TotalMilliseconds);
            socket.Abort();
        }
    }

    /// <summary>Forgets the books of unsubscribed tokens, on the loop that owns them.</summary>
    private void DrainForgotten()
    {
        while (_forgotten.TryDequeue(out var token))
        {
            _keeper.Remove(token);
        }
    }

    private static async Task WriteAsync(ClientWebSocket socket, ChannelReader<ReadOnlyMemory<byte>> outbox, CancellationToken ct)
    {
        try
        {
            await foreach (var message in outbox.ReadAllAsync(ct))
            {
                await socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, ct);
            }
        }
        catch (Exception e) when (e is WebSocketException or IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The receive side sees the same loss and ends the session.
            socket.Abort();
        }
    }
}
