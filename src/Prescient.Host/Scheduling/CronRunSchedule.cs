using Microsoft.Extensions.Options;
using Prescient.Engine.Status;

namespace Prescient.Host.Scheduling;

/// <summary>
/// The schedule for the status: the scheduler's own plan when it runs in this process, otherwise the
/// next occurrence of each job's cron in the configured time zone.
/// </summary>
internal sealed class CronRunSchedule(IOptions<ScheduleOptions> options, IReadOnlyList<ScheduledJob> jobs, SchedulerState state) : IRunSchedule
{
    public ScheduleStatus Describe(DateTimeOffset now)
    {
        var schedule = options.Value;
        var active = state.Active;
        var zone = schedule.FindTimeZone();
        var next = jobs.Select(job => new NextRun(job.Name, job.Cron, At(job))).ToArray();
        return new ScheduleStatus(schedule.Enabled, active, schedule.TimeZone, next);

        DateTimeOffset? At(ScheduledJob job)
        {
            if (!schedule.Enabled)
            {
                return null;
            }

            return active && state.TryGetNext(job.Name, out var planned)
                ? planned
                : CronSchedule.Parse(job.Name, job.Cron, zone).NextAfter(now);
        }
    }
}
