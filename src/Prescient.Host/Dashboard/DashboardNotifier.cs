using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Prescient.Domain.Ids;
using Prescient.Engine.Quotes;
using Prescient.Engine.Runs;

namespace Prescient.Host.Dashboard;

/// <summary>
/// Pushes the dashboard's messages through the hub, in the order they happened: one loop sends
/// them one at a time from a queue, so a run's start always reaches a page before its end, and a
/// request never waits for a slow page. It listens to the <see cref="RunGuard"/> for runs (from the
/// API or the schedule) and to the <see cref="LiveBooks"/> of the market feed (at most one change
/// every <see cref="LiveInterval"/>, however fast books move); <see cref="Changed"/> is called after
/// each state-changing request. A page that cannot be reached loses its messages, never the server's work.
/// </summary>
public sealed partial class DashboardNotifier(
    IHubContext<DashboardHub> hub,
    RunGuard guard,
    LiveBooks live,
    TimeProvider time,
    ILogger<DashboardNotifier> logger) : BackgroundService
{
    /// <summary>The shortest time between two live-book changes told to the pages.</summary>
    public static readonly TimeSpan LiveInterval = TimeSpan.FromMilliseconds(500);

    public const string LiveCause = "live feed";

    private static readonly string[] LiveTopics = [DashboardTopics.Quotes, DashboardTopics.Markets, DashboardTopics.Positions, DashboardTopics.Portfolio];

    /// <summary>Messages waiting beyond this are dropped, oldest first (a page reads the whole snapshot on the next one anyway).</summary>
    private const int Capacity = 1024;

    private int _livePending;
    private ITimer? _liveTimer;

    private readonly Channel<(string Method, object Payload)> _queue = Channel.CreateBounded<(string, object)>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    /// <summary>Raised by <see cref="Changed"/> with its topics (the live feed follows new positions and quotes by it); keep handlers short.</summary>
    public event Action<IReadOnlyList<string>>? StateChanged;

    public void Changed(IReadOnlyList<string> topics, string cause)
    {
        Enqueue(DashboardMessages.Changed, new DashboardChange(topics, cause));
        StateChanged?.Invoke(topics);
    }

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        guard.Started += OnStarted;
        guard.Finished += OnFinished;
        live.Changed += OnBookChanged;
        return base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        guard.Started -= OnStarted;
        guard.Finished -= OnFinished;
        live.Changed -= OnBookChanged;
        if (_liveTimer is { } timer)
        {
            await timer.DisposeAsync();
        }

        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var (method, payload) in _queue.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await hub.Clients.All.SendAsync(method, payload, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogSendFailed(logger, method, e.Message);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: messages still queued are for pages that are about to lose the server anyway.
        }
    }

    private void OnStarted(RunStarted run) => Enqueue(DashboardMessages.RunStarted, run);

    private void OnFinished(RunFinished run)
    {
        Enqueue(DashboardMessages.RunFinished, run);
        Enqueue(DashboardMessages.Changed, new DashboardChange(DashboardTopics.OfRun(run.Kind), $"{run.Kind} ({run.Trigger})"));
    }

    /// <summary>The first change after a quiet spell arms one timer; the changes until it fires ride along.</summary>
    private void OnBookChanged(TokenId token)
    {
        if (Interlocked.Exchange(ref _livePending, 1) == 0)
        {
            _liveTimer?.Dispose();
            _liveTimer = time.CreateTimer(
                static state =>
                {
                    var self = (DashboardNotifier)state!;
                    Volatile.Write(ref self._livePending, 0);
                    self.Enqueue(DashboardMessages.Changed, new DashboardChange(LiveTopics, LiveCause));
                },
                this,
                LiveInterval,
                Timeout.InfiniteTimeSpan);
        }
    }

    private void Enqueue(string method, object payload) => _queue.Writer.TryWrite((method, payload));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dashboard message {Method} not sent: {Reason}")]
    private static partial void LogSendFailed(ILogger logger, string method, string reason);
}
