using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Prescient.Domain.Ids;

namespace Prescient.Polymarket.Feed;

/// <summary>
/// Polymarket's market channel for a changing set of tokens. Tokens are spread over connections of
/// at most <see cref="MarketFeedOptions.MaxTokensPerConnection"/> each (shards); adding or removing
/// tokens changes subscriptions on the live connections without reconnecting. Each shard keeps its
/// tokens' local books and reports to the <see cref="IMarketFeedSink"/>; see <see cref="FeedShard"/>
/// for keep-alive, silence detection and reconnects. A <see cref="IFeedFrameTap"/> (the tape recorder)
/// sees every frame as received. Thread-safe.
/// </summary>
public sealed class MarketFeedClient : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly List<FeedShard> _shards = [];
    private readonly Dictionary<TokenId, FeedShard> _owners = [];
    private readonly MarketFeedOptions _options;
    private readonly TimeProvider _time;
    private readonly GuardedSink _sink;
    private readonly ILogger _logger;
    private readonly IFeedFrameTap? _tap;
    private bool _disposed;

    public MarketFeedClient(MarketFeedOptions options, IMarketFeedSink sink, TimeProvider? time = null, ILogger<MarketFeedClient>? logger = null, IFeedFrameTap? tap = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(sink);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors), nameof(options));
        }

        _options = options;
        _time = time ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _sink = new GuardedSink(sink, _logger);
        _tap = tap;
    }

    /// <summary>Adds tokens (already subscribed ones are ignored), filling shards before opening new connections.</summary>
    public void Subscribe(IEnumerable<TokenId> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var fresh = new Queue<TokenId>(tokens.Distinct().Where(t => !_owners.ContainsKey(t)));
            foreach (var shard in _shards)
            {
                var batch = Take(fresh, _options.MaxTokensPerConnection - shard.TokenCount);
                if (batch.Count > 0)
                {
                    Own(batch, shard);
                    shard.Add(batch);
                }
            }

            while (fresh.Count > 0)
            {
                var batch = Take(fresh, _options.MaxTokensPerConnection);
                var shard = new FeedShard(_shards.Count, batch, _options, _time, _sink, _logger, _tap);
                _shards.Add(shard);
                Own(batch, shard);
            }
        }
    }

    /// <summary>Removes tokens from their connections (unknown ones are ignored); connections stay open.</summary>
    public void Unsubscribe(IEnumerable<TokenId> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            foreach (var group in tokens.Distinct().Where(_owners.ContainsKey).GroupBy(t => _owners[t]).ToList())
            {
                var batch = group.ToList();
                foreach (var token in batch)
                {
                    _owners.Remove(token);
                }

                group.Key.Remove(batch);
            }
        }
    }

    /// <summary>Connection state and counters, one entry per shard.</summary>
    public FeedStatus Status()
    {
        lock (_gate)
        {
            return new FeedStatus(_shards.Select(s => s.Status()).ToList());
        }
    }

    public async ValueTask DisposeAsync()
    {
        FeedShard[] shards;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            shards = [.. _shards];
        }

        foreach (var shard in shards)
        {
            await shard.DisposeAsync();
        }
    }

    private void Own(List<TokenId> batch, FeedShard shard)
    {
        foreach (var token in batch)
        {
            _owners[token] = shard;
        }
    }

    private static List<TokenId> Take(Queue<TokenId> queue, int count)
    {
        var batch = new List<TokenId>(Math.Max(0, Math.Min(count, queue.Count)));
        while (batch.Count < count && queue.TryDequeue(out var token))
        {
            batch.Add(token);
        }

        return batch;
    }
}
