using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Prescient.Domain.Ids;
using Prescient.Engine.Markets;
using Prescient.Engine.Quotes;
using Prescient.Engine.Runs;
using Prescient.Engine.Storage;
using Prescient.Engine.Trading;
using Prescient.Host.Dashboard;
using Prescient.Polymarket.Feed;

namespace Prescient.Host.Feed;

/// <summary>
/// The live market feed of <c>prescient serve</c>: keeps <see cref="LiveBooks"/> current from the
/// market channel for the tokens held (both tokens of each held market, so the twin check of a
/// mark holds) and the tokens last quoted. Subscriptions follow the portfolio and the quotes
/// after every run, without reconnecting. A book the feed cannot vouch for (a top that disagrees
/// with the server's, a reconnect) leaves the cache at once and is fetched again from the REST
/// book. A <c>market_resolved</c> for a held market runs the settlement pass at once
/// (<see cref="ExecutionService.SettleAsync"/>: the resolution is confirmed upstream, and the
/// market settles once whoever sees it first). With the intraday mode on (<see cref="IntradayMode"/>),
/// book changes of watched markets also drive the strategy between runs. With <c>Feed:Record</c> on
/// (<see cref="FeedTapeSettings"/>), every frame received is also recorded to the day's tape.
/// </summary>
public sealed partial class LiveFeedService(
    MarketFeedOptions options,
    LiveBooks live,
    IMarketSource source,
    IMarketDataStore marketData,
    ITradingStore store,
    ExecutionService execution,
    RunGuard guard,
    DashboardNotifier notifier,
    TimeProvider time,
    ILoggerFactory loggers,
    IntradayMode? intraday = null,
    FeedTapeSettings? tape = null) : BackgroundService, IMarketFeedSink, ILiveFeedStatus
{
    /// <summary>The cause of the dashboard change a settlement on <c>market_resolved</c> sends.</summary>
    public const string ResolvedCause = "market resolved";

    private readonly ILogger _logger = loggers.CreateLogger<LiveFeedService>();
    private readonly Channel<Work> _work = Channel.CreateUnbounded<Work>(new UnboundedChannelOptions { SingleReader = true });
    private readonly HashSet<TokenId> _subscribed = [];
    private MarketFeedClient? _client;
    private FeedTapeRecorder? _recorder;

    /// <summary>The feed's connections, or null before it started.</summary>
    public FeedStatus? Status => _client?.Status();

    public LiveFeedState? Current => Status is { } status
        ? new LiveFeedState(
            options.Url.ToString(),
            status.AllConnected,
            status.Shards.Count,
            status.Shards.Count(s => s.State == ShardState.Connected),
            status.Shards.Sum(s => s.Tokens),
            status.Shards.Select(s => s.LastMessageAge).Where(a => a is not null).Min(),
            status.Reconnects,
            status.Messages,
            status.Malformed)
        {
            Intraday = intraday?.Activity,
            Tape = _recorder?.Counters is { } tape ? new LiveFeedTape(tape.Written, tape.Dropped, tape.Failed) : null,
        }
        : null;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        guard.Finished += OnRunFinished;
        notifier.StateChanged += OnStateChanged;
        return base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        guard.Finished -= OnRunFinished;
        notifier.StateChanged -= OnStateChanged;
        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Declared first, disposed last: the connections stop before the tape writes what it holds and closes.
        await using var recorder = tape is null ? null : new FeedTapeRecorder(tape.Folder, tape.Buffer, time, loggers.CreateLogger<FeedTapeRecorder>());
        _recorder = recorder;
        await using var client = new MarketFeedClient(options, this, time, loggers.CreateLogger<MarketFeedClient>(), recorder);
        _client = client;
        _work.Writer.TryWrite(Work.Watch);
        intraday?.Start(() => _work.Writer.TryWrite(Work.Intraday));
        var resyncs = new HashSet<TokenId>();
        try
        {
            await foreach (var item in _work.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    // Resyncs come in bursts (a reconnect marks every token): fetch them in one batch.
                    resyncs.Clear();
                    if (item.Resync is { } first)
                    {
                        resyncs.Add(first);
                        while (_work.Reader.TryPeek(out var next) && next.Resync is { } more && _work.Reader.TryRead(out _))
                        {
                            resyncs.Add(more);
                        }

                        await ResyncAsync(resyncs, stoppingToken);
                    }
                    else if (item.Resolved is { } market)
                    {
                        await SettleAsync(market, stoppingToken);
                    }
                    else if (item.Evaluate)
                    {
                        await intraday!.StepAsync(stoppingToken);
                    }
                    else
                    {
                        await WatchAsync(client, stoppingToken);
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // One failed step (a source that cannot be reached, a file being replaced) costs that step, never the feed.
                    LogStepFailed(_logger, e.Message, e);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        finally
        {
            _client = null;
            live.Clear();
        }
    }

    /// <summary>Subscribes to what is held and quoted now; unsubscribes the rest.</summary>
    private async Task WatchAsync(MarketFeedClient client, CancellationToken cancellationToken)
    {
        var portfolio = await store.ReadPortfolioAsync(cancellationToken);
        var quotes = await marketData.ReadQuotesAsync(cancellationToken);
        var heldMarkets = portfolio?.Positions.Select(p => p.MarketId).ToHashSet() ?? [];
        var wanted = new HashSet<TokenId>(portfolio?.Positions.Select(p => p.TokenId) ?? []);
        foreach (var quote in quotes?.Quotes ?? [])
        {
            if (quote.HasBook || heldMarkets.Contains(quote.MarketId))
            {
                wanted.Add(quote.TokenId);
            }
        }

        var gone = _subscribed.Where(t => !wanted.Contains(t)).ToArray();
        var fresh = wanted.Where(t => !_subscribed.Contains(t)).ToArray();
        if (gone.Length > 0)
        {
            client.Unsubscribe(gone);
            foreach (var token in gone)
            {
                _subscribed.Remove(token);
                live.Remove(token);
            }
        }

        if (fresh.Length > 0)
        {
            client.Subscribe(fresh);
            _subscribed.UnionWith(fresh);
        }

        LogWatching(_logger, _subscribed.Count, fresh.Length, gone.Length);
        intraday?.Watch(quotes?.Quotes.Where(q => _subscribed.Contains(q.TokenId)).DistinctBy(q => q.TokenId).ToDictionary(q => q.TokenId, q => q.MarketId) ?? []);
    }

    private async Task ResyncAsync(IReadOnlyCollection<TokenId> tokens, CancellationToken cancellationToken)
    {
        var wanted = tokens.Where(_subscribed.Contains).ToArray();
        if (wanted.Length == 0)
        {
            return;
        }

        var fetched = 0;
        await foreach (var batch in source.GetBooksAsync(wanted, null, cancellationToken))
        {
            foreach (var book in batch.Books.Values)
            {
                live.Update(book);
                intraday?.OnBook(book.TokenId);
                fetched++;
            }
        }

        LogResynced(_logger, fetched, wanted.Length);
    }

    private async Task SettleAsync(ConditionId market, CancellationToken cancellationToken)
    {
        var portfolio = await store.ReadPortfolioAsync(cancellationToken);
        if (portfolio is null || !portfolio.Positions.Any(p => p.ConditionId == market))
        {
            LogResolvedNotHeld(_logger, market.Value);
            return;
        }

        LogResolvedHeld(_logger, market.Value);
        var result = await execution.SettleAsync(cancellationToken);
        if (result.Settlements.Count > 0)
        {
            // The change of positions brings the subscriptions up to date (OnStateChanged).
            notifier.Changed([DashboardTopics.Trades, DashboardTopics.Positions, DashboardTopics.Portfolio], ResolvedCause);
        }
    }

    private void OnRunFinished(RunFinished run) => _work.Writer.TryWrite(Work.Watch);

    /// <summary>A step of the pipeline run alone (a POST of quotes or of an execution) changes what is held or quoted, as a run does.</summary>
    private void OnStateChanged(IReadOnlyList<string> topics)
    {
        if (topics.Contains(DashboardTopics.Positions) || topics.Contains(DashboardTopics.Quotes))
        {
            _work.Writer.TryWrite(Work.Watch);
        }
    }

    public void OnBook(IBookView book, bool isSnapshot)
    {
        if (!book.NeedsResync)
        {
            live.Update(book.ToOrderBook());
            intraday?.OnBook(book.TokenId);
        }
    }

    public void OnResyncNeeded(TokenId token, ResyncReason reason)
    {
        live.Remove(token);
        _work.Writer.TryWrite(new Work(token, null));
    }

    public void OnResolved(MarketResolved resolved)
    {
        ArgumentNullException.ThrowIfNull(resolved);
        _work.Writer.TryWrite(new Work(null, resolved.Market));
    }

    /// <summary>One step for the feed's loop: a token to fetch again, a resolved market to settle, an intraday evaluation, or (none of these) the subscriptions to bring up to date.</summary>
    private sealed record Work(TokenId? Resync, ConditionId? Resolved)
    {
        public static readonly Work Watch = new(null, null);

        public static readonly Work Intraday = new(null, null) { Evaluate = true };

        public bool Evaluate { get; init; }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Live feed watches {Tokens} tokens ({Added} added, {Removed} removed)")]
    private static partial void LogWatching(ILogger logger, int tokens, int added, int removed);

    [LoggerMessage(Level = LogLevel.Information, Message = "Live feed resynced {Fetched} of {Wanted} books from the REST book")]
    private static partial void LogResynced(ILogger logger, int fetched, int wanted);

    [LoggerMessage(Level = LogLevel.Information, Message = "Live feed: held market {Market} resolved; settling")]
    private static partial void LogResolvedHeld(ILogger logger, string market);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Live feed: market {Market} resolved; not held")]
    private static partial void LogResolvedNotHeld(ILogger logger, string market);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live feed step failed: {Reason}; the feed goes on")]
    private static partial void LogStepFailed(ILogger logger, string reason, Exception exception);
}
