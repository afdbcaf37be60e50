using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Prescient.Domain.Ids;
using Prescient.Engine.Intraday;
using Prescient.Engine.Runs;
using Prescient.Host.Dashboard;

namespace Prescient.Host.Feed;

/// <summary>
/// The intraday mode inside the live feed (<c>Intraday:Enabled</c>): a book change of a watched
/// market marks it in the <see cref="IntradayThrottle"/>; the feed's loop evaluates the due markets
/// (<see cref="IntradayService"/>) one step at a time, between its other work, and never while a
/// cycle or an end of day runs (the markets wait for the next step). Trades it makes tell the
/// dashboard, with the cause <see cref="Cause"/>.
/// </summary>
public sealed partial class IntradayMode(
    IOptions<IntradayOptions> options,
    IntradayService service,
    RunGuard guard,
    DashboardNotifier notifier,
    TimeProvider time,
    ILogger<IntradayMode> logger) : IDisposable
{
    /// <summary>The cause of the dashboard change an intraday trade sends.</summary>
    public const string Cause = "intraday";

    private readonly IntradayThrottle _throttle = new(options.Value.MinInterval, time);
    private IReadOnlyDictionary<TokenId, MarketId> _marketOf = new Dictionary<TokenId, MarketId>();
    private Action _wake = () => { };
    private ITimer? _timer;
    private int _woken;
    private long _evaluations;
    private long _signals;
    private long _trades;
    private DateTimeOffset? _lastEvaluatedAt;
    private DateTimeOffset? _lastTradeAt;

    public IntradayActivity Activity => new(
        options.Value.MinInterval,
        Interlocked.Read(ref _evaluations),
        Interlocked.Read(ref _signals),
        Interlocked.Read(ref _trades),
        _lastEvaluatedAt,
        _lastTradeAt);

    /// <summary>Starts the clock that wakes the loop for markets whose interval has run out; <paramref name="wake"/> asks the loop for a step.</summary>
    public void Start(Action wake)
    {
        _wake = wake;
        var interval = options.Value.MinInterval;
        var tick = interval < TimeSpan.FromSeconds(1) ? interval : TimeSpan.FromSeconds(1);
        _timer = time.CreateTimer(_ => { if (_throttle.HasWaiting) Wake(); }, null, tick, tick);
    }

    /// <summary>The watched tokens and their markets (after each change of the feed's subscriptions).</summary>
    public void Watch(IReadOnlyDictionary<TokenId, MarketId> marketOf)
    {
        _marketOf = marketOf;
        _throttle.Retain(marketOf.Values.ToHashSet());
    }

    /// <summary>A book changed (on the feed's thread): marks its market, and wakes the loop when it is due now.</summary>
    public void OnBook(TokenId token)
    {
        if (_marketOf.TryGetValue(token, out var market) && _throttle.Touch(market))
        {
            Wake();
        }
    }

    /// <summary>One step of the loop: evaluates the due markets, and tells the dashboard (and with it the feed's subscriptions) of its trades.</summary>
    public async Task StepAsync(CancellationToken cancellationToken)
    {
        Volatile.Write(ref _woken, 0);
        if (guard.Current is { } run)
        {
            LogWaitingForRun(logger, run.Kind);
            return;
        }

        var due = _throttle.TakeDue();
        if (due.Count == 0)
        {
            return;
        }

        var result = await service.EvaluateAsync(due, cancellationToken);
        Interlocked.Increment(ref _evaluations);
        Interlocked.Add(ref _signals, result.Signals.Count);
        Interlocked.Add(ref _trades, result.Trades);
        _lastEvaluatedAt = result.EvaluatedAt;
        if (result.Trades > 0)
        {
            _lastTradeAt = result.EvaluatedAt;
            notifier.Changed([DashboardTopics.Trades, DashboardTopics.Positions, DashboardTopics.Portfolio], Cause);
        }
    }

    public void Dispose() => _timer?.Dispose();

    private void Wake()
    {
        if (Interlocked.Exchange(ref _woken, 1) == 0)
        {
            _wake();
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Intraday: a {Kind} run is going; the changed markets wait for it")]
    private static partial void LogWaitingForRun(ILogger logger, string kind);
}
