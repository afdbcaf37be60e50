namespace Prescient.Engine.Status;

/// <summary>The schedule of the scheduled runs (implemented by the host, which knows cron expressions and time zones).</summary>
public interface IRunSchedule
{
    /// <summary>The schedule as of <paramref name="now"/>: whether it is on, whether a scheduler runs it in this process, and each job's next run.</summary>
    ScheduleStatus Describe(DateTimeOffset now);
}

/// <summary>
/// The schedule: <see cref="Enabled"/> in the settings; <see cref="Active"/> when a scheduler runs it in
/// this process (<c>prescient serve</c>), otherwise the next runs are what the configured crons give.
/// </summary>
public sealed record ScheduleStatus(bool Enabled, bool Active, string TimeZone, IReadOnlyList<NextRun> Next);

/// <summary>A job's next run (UTC); null when disabled or when the cron never fires again.</summary>
public sealed record NextRun(string Kind, string Cron, DateTimeOffset? At);
