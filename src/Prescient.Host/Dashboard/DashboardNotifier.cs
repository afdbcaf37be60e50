using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Prescient.Engine.Runs;

namespace Prescient.Host.Dashboard;

/// <summary>
/// Pushes the dashboard's messages through the hub, in the order they happened: one loop sends
/// them one at a time from a queue, so a run's start always reaches a page before its end, and a
/// request never waits for a slow page. It listens to the <see cref="RunGuard"/> for runs (from the
/// API or the schedule); <see cref="Changed"/> is called after each state-changing request.
/// A page that cannot be reached loses its messages, never the server's work.
/// </summary>
public sealed partial class DashboardNotifier(IHubContext<DashboardHub> hub, RunGuard guard, ILogger<DashboardNotifier> logger) : BackgroundService
{
    /// <summary>Messages waiting beyond this are dropped, oldest first (a page reads the whole snapshot on the next one anyway).</summary>
    private const int Capacity = 1024;

    private readonly Channel<(string Method, object Payload)> _queue = Channel.CreateBounded<(string, object)>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    public void Changed(IReadOnlyList<string> topics, string cause) =>
        Enqueue(DashboardMessages.Changed, new DashboardChange(topics, cause));

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        guard.Started += OnStarted;
        guard.Finished += OnFinished;
        return base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        guard.Started -= OnStarted;
        guard.Finished -= OnFinished;
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

    private void Enqueue(string method, object payload) => _queue.Writer.TryWrite((method, payload));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dashboard message {Method} not sent: {Reason}")]
    private static partial void LogSendFailed(ILogger logger, string method, string reason);
}
