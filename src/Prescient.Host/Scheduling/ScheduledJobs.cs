using Microsoft.Extensions.DependencyInjection;
using Prescient.Engine.Cycle;
using Prescient.Engine.History;
using Prescient.Engine.Runs;

namespace Prescient.Host.Scheduling;

/// <summary>
/// The jobs <c>prescient serve</c> schedules, in priority order (when two are due at once, the first
/// runs first). This list is the one place a scheduled job is added.
/// </summary>
public static class ScheduledJobs
{
    public static IReadOnlyList<ScheduledJob> Create(ScheduleOptions schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return
        [
            new ScheduledJob(RunKinds.Cycle, schedule.CycleCron, RunCycleAsync),
            new ScheduledJob(RunKinds.EndOfDay, schedule.EndOfDayCron, RunEndOfDayAsync),
        ];
    }

    /// <summary>The end of day records itself in the run log.</summary>
    private static async Task<string> RunEndOfDayAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var result = await services.GetRequiredService<EndOfDayService>().RunAsync(cancellationToken);
        return result.Message;
    }

    /// <summary>The cycle records itself in the run log.</summary>
    private static async Task<string> RunCycleAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var result = await services.GetRequiredService<CycleService>().RunAsync(null, cancellationToken);
        return result.Summary;
    }
}
