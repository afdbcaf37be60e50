using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Prescient.Engine.Runs;

namespace Prescient.Host.Scheduling;

/// <summary>
/// Runs the <see cref="ScheduledJob"/>s of <c>prescient serve</c> at their cron occurrences in the
/// configured time zone, on the injected <see cref="TimeProvider"/>.
/// </summary>
/// <remarks>
/// One loop runs the jobs one at a time, so two runs never overlap: a job that comes due while another
/// runs starts when that one ends, and occurrences of a job missed while it (or another) ran are
/// covered by one run. A job also waits for a run started from the API or the dashboard
/// (<see cref="RunGuard"/>) to end. A failed run is logged (its use-case records it in the run log) and the next
/// runs go on. At start, with <see cref="ScheduleOptions.CatchUp"/>, a job whose last run in the run
/// log is older than its most recent occurrence (missed while the process was down) runs once; a job
/// that never ran has nothing to catch up.
/// </remarks>
internal sealed partial class JobScheduler(
    IReadOnlyList<ScheduledJob> jobs,
    IOptions<ScheduleOptions> options,
    IRunLog runLog,
    IServiceProvider services,
    SchedulerState state,
    RunGuard guard,
    TimeProvider time,
    ILogger<JobScheduler> logger) : BackgroundService
{
    /// <summary>The longest single wait: the clock is read again at least this often, so a clock step (suspend, NTP) is noticed.</summary>
    private static readonly TimeSpan MaxWait = TimeSpan.FromHours(1);

    private Plan[] _plans = [];
    private DateTimeOffset _startedAt;

    /// <summary>
    /// Fixes the start instant and the first plan before the loop starts: ExecuteAsync runs on the
    /// thread pool, so "now at start" must not depend on when that thread gets to run.
    /// </summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _startedAt = time.GetUtcNow();
        var schedule = options.Value;
        if (schedule.Enabled && jobs.Count > 0)
        {
            var zone = schedule.FindTimeZone();
            _plans = jobs.Select(job => new Plan(job, CronSchedule.Parse(job.Name, job.Cron, zone))).ToArray();
            state.Started();
            foreach (var plan in _plans)
            {
                plan.Next = plan.Schedule.NextAfter(_startedAt);
                state.Planned(plan.Job.Name, plan.Next);
            }
        }

        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_plans.Length == 0)
        {
            LogDisabled(logger);
            return;
        }

        try
        {
            if (options.Value.CatchUp)
            {
                await PlanCatchUpAsync(_plans, _startedAt, stoppingToken);
            }

            foreach (var plan in _plans)
            {
                state.Planned(plan.Job.Name, plan.Next);
                LogPlanned(logger, plan.Job.Name, plan.Job.Cron, options.Value.TimeZone, plan.Next);
            }

            await RunLoopAsync(_plans, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            LogStopping(logger);
        }
        finally
        {
            state.Stopped();
        }
    }

    private async Task PlanCatchUpAsync(Plan[] plans, DateTimeOffset startedAt, CancellationToken cancellationToken)
    {
        foreach (var plan in plans)
        {
            RunRecord? last;
            try
            {
                last = await runLog.LastAsync(plan.Job.Name, cancellationToken);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                // An exception leaving a BackgroundService stops the whole host: a damaged log only costs the catch-up.
                LogRunLogUnreadable(logger, e.Message, e);
                return;
            }

            if (last is not null && plan.Schedule.NextAfter(last.StartedAt) is { } missed && missed <= startedAt)
            {
                plan.Next = missed;
                LogCatchingUp(logger, plan.Job.Name, plan.Schedule.LatestUpTo(missed, startedAt), last.StartedAt);
            }
        }
    }

    private async Task RunLoopAsync(Plan[] plans, CancellationToken stoppingToken)
    {
        while (plans.Where(p => p.Next is not null).MinBy(p => p.Next) is { } due)
        {
            var now = time.GetUtcNow();
            var wait = due.Next!.Value - now;
            if (wait > TimeSpan.Zero)
            {
                await WaitAsync(now + (wait < MaxWait ? wait : MaxWait), stoppingToken);
                continue;
            }

            await RunAsync(due, stoppingToken);
        }

        LogNothingLeft(logger);
    }

    /// <summary>
    /// Waits on the clock's timer until <paramref name="wakeAt"/>, or not at all if the clock passes it
    /// while the timer is being set: a timer counts from the clock as it reads it then, so a clock
    /// stepped from another thread in between would otherwise leave it waiting past the instant.
    /// </summary>
    private async Task WaitAsync(DateTimeOffset wakeAt, CancellationToken stoppingToken)
    {
        var elapsed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var wait = wakeAt - time.GetUtcNow();
        await using var timer = time.CreateTimer(
            static s => ((TaskCompletionSource)s!).TrySetResult(), elapsed, wait > TimeSpan.Zero ? wait : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        await using var stop = stoppingToken.Register(() => elapsed.TrySetCanceled(stoppingToken));
        if (time.GetUtcNow() >= wakeAt)
        {
            elapsed.TrySetResult();
        }

        await elapsed.Task;
    }

    private async Task RunAsync(Plan plan, CancellationToken stoppingToken)
    {
        var occurrence = plan.Schedule.LatestUpTo(plan.Next!.Value, time.GetUtcNow());
        var name = plan.Job.Name;
        using var run = await guard.BeginAsync(name, RunTriggers.Schedule, stoppingToken);
        LogRunning(logger, name, occurrence);
        state.Runs(name);
        try
        {
            await using var scope = services.CreateAsyncScope();
            var summary = await plan.Job.Run(scope.ServiceProvider, stoppingToken);
            run.Succeeded(summary);
            LogSucceeded(logger, name, summary);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            // A failed run must not stop the schedule. Its use-case records it and logs the details.
            run.Failed(e.Message);
            LogFailed(logger, name, e.Message);
        }
        finally
        {
            state.Runs(null);
        }

        plan.Next = plan.Schedule.NextAfter(occurrence);
        state.Planned(name, plan.Next);
        LogPlanned(logger, name, plan.Job.Cron, options.Value.TimeZone, plan.Next);
    }

    /// <summary>A job and its next due instant (UTC; null when its cron never fires again).</summary>
    private sealed class Plan(ScheduledJob job, CronSchedule schedule)
    {
        public ScheduledJob Job { get; } = job;

        public CronSchedule Schedule { get; } = schedule;

        public DateTimeOffset? Next { get; set; }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Schedule disabled: no job will run on its own")]
    private static partial void LogDisabled(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {Job} ({Cron}, {TimeZone}) next runs at {Next:o}")]
    private static partial void LogPlanned(ILogger logger, string job, string cron, string timeZone, DateTimeOffset? next);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {Job} missed its run of {Missed:o} (last run {LastRun:o}): catching up now")]
    private static partial void LogCatchingUp(ILogger logger, string job, DateTimeOffset missed, DateTimeOffset lastRun);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {Job} starting (occurrence {Occurrence:o})")]
    private static partial void LogRunning(ILogger logger, string job, DateTimeOffset occurrence);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {Job} done: {Summary}")]
    private static partial void LogSucceeded(ILogger logger, string job, string summary);

    [LoggerMessage(Level = LogLevel.Error, Message = "Job {Job} failed: {Reason}; the next runs go on")]
    private static partial void LogFailed(ILogger logger, string job, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "The run log could not be read ({Reason}): no catch-up at this start")]
    private static partial void LogRunLogUnreadable(ILogger logger, string reason, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "No job has an occurrence left: the scheduler stops")]
    private static partial void LogNothingLeft(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduler stopping")]
    private static partial void LogStopping(ILogger logger);
}
