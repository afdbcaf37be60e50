namespace Prescient.Engine.Runs;

/// <summary>
/// One run of a scheduled use-case, as kept in <c>history/run_log.json</c>: which (<see cref="RunKinds"/>),
/// when it started and finished (UTC), whether it succeeded, and a one-line summary (the counts of a
/// successful run, the error message of a failed one).
/// </summary>
public sealed record RunRecord(string Kind, DateTimeOffset StartedAt, DateTimeOffset FinishedAt, bool Succeeded, string Summary);
