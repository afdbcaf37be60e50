using Microsoft.Extensions.Hosting;
using Prescient.Engine.Storage;

namespace Prescient.Host.Dashboard;

/// <summary>
/// With a store that other processes write too (PostgreSQL, with workers), tells the dashboard's pages
/// of every ledger append the store announces, whoever made it: the trades, positions and portfolio
/// changed. Appends in quick succession (a worker filling a cycle's signals) are told once per
/// <see cref="DashboardNotifier.LiveInterval"/>, after the first of them. Without announcements (the file
/// store, which only this process writes) it does nothing.
/// </summary>
public sealed class LedgerFollower(DashboardNotifier notifier, TimeProvider time, ILedgerNotifications? ledger = null) : BackgroundService
{
    public const string Cause = "ledger";

    private static readonly string[] Topics = [DashboardTopics.Trades, DashboardTopics.Positions, DashboardTopics.Portfolio];

    private readonly DashboardNotifier _notifier = notifier;
    private int _pending;
    private ITimer? _timer;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (ledger is null)
        {
            return;
        }

        try
        {
            await foreach (var _ in ledger.ListenAsync(stoppingToken))
            {
                if (Interlocked.Exchange(ref _pending, 1) == 0)
                {
                    _timer?.Dispose();
                    _timer = time.CreateTimer(
                        static state =>
                        {
                            var self = (LedgerFollower)state!;
                            Volatile.Write(ref self._pending, 0);
                            self._notifier.Changed(Topics, Cause);
                        },
                        this,
                        DashboardNotifier.LiveInterval,
                        Timeout.InfiniteTimeSpan);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    public override void Dispose()
    {
        _timer?.Dispose();
        base.Dispose();
    }
}
