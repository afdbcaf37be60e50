using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Prescient.Domain.Ids;

namespace Prescient.Polymarket.Feed;

/// <summary>
/// One connection to the market channel and the tokens it carries. Its loop connects, subscribes,
/// reads frames into its own parser and books, and on any loss (error, server close, silence)
/// waits with backoff, reconnects, resubscribes and reports every token as needing a resync.
/// Everything it sends (the subscription, changes, <c>PING</c>) goes through one outbox per
/// connection, so the subscription is always first and a change is never lost between a token
/// snapshot and the connection coming up.
/// </summary>
internal sealed partial class FeedShard : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly HashSet<TokenId> _tokens = [];
    private readonly ConcurrentQueue<TokenId> _forgotten = new();
    private readonly MarketFeedOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly GuardedSink _sink;
    private readonly IFeedFrameTap? _tap;
    private readonly MarketFrameParser _parser = new();
    private readonly FeedBookKeeper _keeper;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private Channel<ReadOnlyMemory<byte>>? _outbox;
    private volatile ShardState _state = ShardState.Connecting;
    private long _lastMessageTicks;
    private long _reconnects;
    private long _frames;
    private long _messages;
    private long _malformed;
    private long _unknown;
    private long _pongs;
    private long _silenceDrops;

    public FeedShard(int index, IEnumerable<TokenId> tokens, MarketFeedOptions options, TimeProvider time, GuardedSink sink, ILogger logger, IFeedFrameTap? tap = null)
    {
        Index = index;
        _options = options;
        _time = time;
        _sink = sink;
        _tap = tap;
        _logger = logger;
        _keeper = new FeedBookKeeper(sink);
        _tokens.UnionWith(tokens);
        _loop = Task.Run(() => RunAsync(_stop.Token));
    }

    public int Index { get; }

    public int TokenCount
    {
        get
        {
            lock (_gate)
            {
                return _tokens.Count;
            }
        }
    }

    /// <summary>Adds tokens; on a live connection they are subscribed at once, otherwise with the next subscription.</summary>
    public void Add(IReadOnlyCollection<TokenId> tokens)
    {
        lock (_gate)
        {
            _tokens.UnionWith(tokens);
            _outbox?.Writer.TryWrite(SubscriptionMessages.Subscribe(tokens, _options.CustomFeatures));
        }
    }

    /// <summary>Removes tokens: unsubscribed on a live connection, and their books forgotten.</summary>
    public void Remove(IReadOnlyCollection<TokenId> tokens)
    {
        lock (_gate)
        {
            _tokens.ExceptWith(tokens);
            _outbox?.Writer.TryWrite(SubscriptionMessages.Unsubscribe(tokens));
        }

        foreach (var token in tokens)
        {
            _forgotten.Enqueue(token);
        }
    }

    public ShardStatus Status()
    {
        var last = Interlocked.Read(ref _lastMessageTicks);
        return new ShardStatus(
            Index,
            _state,
            TokenCount,
            last == 0 ? null : _time.GetUtcNow() - new DateTimeOffset(last, TimeSpan.Zero),
            Interlocked.Read(ref _reconnects),
            Interlocked.Read(ref _frames),
            Interlocked.Read(ref _messages),
            Interlocked.Read(ref _malformed),
            Interlocked.Read(ref _unknown),
            Interlocked.Read(ref _pongs),
            Interlocked.Read(ref _silenceDrops),
            _sink.Failures);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }

    private async Task RunAsync(CancellationToken ct)
    {
        var failures = 0;
        var connectedBefore = false;
        while (!ct.IsCancellationRequested)
        {
            var (connected, cause) = await SessionAsync(connectedBefore, ct);
            connectedBefore |= connected;
            failures = connected ? 0 : failures + 1;
            if (ct.IsCancellationRequested)
            {
                break;
            }

            _state = ShardState.Reconnecting;
            var delay = ReconnectBackoff.Delay(failures, _options.ReconnectBaseDelay, _options.ReconnectMaxDelay, Random.Shared.NextDouble());
            FeedLog.Disconnected(_logger, Index, cause, (long)delay.TotalMilliseconds);
            try
            {
                await Task.Delay(delay, _time, ct);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        _state = ShardState.Stopped;
    }
}
