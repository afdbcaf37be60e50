namespace Prescient.Engine.TimeSeries;

/// <summary>
/// Points a time-series sink handled since it started: <see cref="Accepted"/> were queued,
/// <see cref="Written"/> reached the server, <see cref="Dropped"/> were lost (the queue was full, or
/// the server refused them as malformed), <see cref="FailedWrites"/> counts write attempts that failed
/// and were retried.
/// </summary>
public readonly record struct TimeSeriesCounters(long Accepted, long Written, long Dropped, long FailedWrites);
