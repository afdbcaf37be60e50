namespace Prescient.Host.Scheduling;

/// <summary>
/// What the scheduler of this process is doing, for the status: whether it runs, each job's next
/// planned run (a pending catch-up or a run that is due included), and the job running now.
/// </summary>
public sealed class SchedulerState
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, DateTimeOffset?> _next = new(StringComparer.Ordinal);
    private bool _active;
    private string? _running;

    public bool Active
    {
        get
        {
            lock (_lock)
            {
                return _active;
            }
        }
    }

    /// <summary>The job running now, if any.</summary>
    public string? Running
    {
        get
        {
            lock (_lock)
            {
                return _running;
            }
        }
    }

    /// <summary>The next run the scheduler has planned for <paramref name="job"/>; false when it has planned none.</summary>
    public bool TryGetNext(string job, out DateTimeOffset? next)
    {
        lock (_lock)
        {
            return _next.TryGetValue(job, out next);
        }
    }

    internal void Started()
    {
        lock (_lock)
        {
            _active = true;
        }
    }

    internal void Stopped()
    {
        lock (_lock)
        {
            (_active, _running) = (false, null);
            _next.Clear();
        }
    }

    internal void Planned(string job, DateTimeOffset? next)
    {
        lock (_lock)
        {
            _next[job] = next;
        }
    }

    internal void Runs(string? job)
    {
        lock (_lock)
        {
            _running = job;
        }
    }
}
