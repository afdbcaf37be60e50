using Microsoft.Extensions.DependencyInjection;
using Prescient.Engine.Runs;

namespace Prescient.Host.Scheduling;

/// <summary>
/// A job of the schedule: its name (the run log's kind, which catch-up looks up), its cron (in the
/// schedule's time zone), and what it runs, returning a one-line summary. A job's use-case records
/// its own runs in the run log (as the cycle does); wrap one that does not with <see cref="Recorded{T}"/>.
/// </summary>
public sealed record ScheduledJob(string Name, string Cron, Func<IServiceProvider, CancellationToken, Task<string>> Run)
{
    /// <summary>A job whose runs, succeeded or failed, the <see cref="RunRecorder"/> records under <paramref name="name"/>.</summary>
    public static ScheduledJob Recorded<T>(string name, string cron, Func<IServiceProvider, CancellationToken, Task<T>> run, Func<T, string> summarize)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(summarize);
        return new ScheduledJob(
            name,
            cron,
            async (services, ct) =>
            {
                var summary = string.Empty;
                await services.GetRequiredService<RunRecorder>().RecordAsync(name, c => run(services, c), r => summary = summarize(r), ct);
                return summary;
            });
    }
}
