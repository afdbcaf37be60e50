namespace Prescient.Engine.Runs;

/// <summary>
/// One run (a cycle or an end of day) at a time in a process, whoever starts it. A request from the
/// API or the dashboard does not queue behind a run that is going: <see cref="TryBegin"/> refuses it,
/// so a second click cannot start a second run. The scheduler waits its turn with
/// <see cref="BeginAsync"/>. <see cref="Started"/> and <see cref="Finished"/> tell listeners (the
/// dashboard's hub) as each run starts and ends.
/// </summary>
public sealed class RunGuard(TimeProvider time) : IDisposable
{
    private readonly SemaphoreSlim _slot = new(1, 1);
    private readonly Lock _lock = new();
    private RunStarted? _current;

    /// <summary>Raised when a run starts, on the thread that starts it.</summary>
    public event Action<RunStarted>? Started;

    /// <summary>Raised when a run ends, succeeded or not, on the thread that ends it.</summary>
    public event Action<RunFinished>? Finished;

    /// <summary>The run going now, if any.</summary>
    public RunStarted? Current
    {
        get
        {
            lock (_lock)
            {
                return _current;
            }
        }
    }

    /// <summary>Starts a run of <paramref name="kind"/> now, or returns null when one is going.</summary>
    public RunLease? TryBegin(string kind, string trigger) =>
        _slot.Wait(0) ? Enter(kind, trigger) : null;

    /// <summary>Starts a run of <paramref name="kind"/> as soon as the one going (if any) ends.</summary>
    public async Task<RunLease> BeginAsync(string kind, string trigger, CancellationToken cancellationToken)
    {
        await _slot.WaitAsync(cancellationToken);
        return Enter(kind, trigger);
    }

    private RunLease Enter(string kind, string trigger)
    {
        var started = new RunStarted(kind, trigger, time.GetUtcNow());
        lock (_lock)
        {
            _current = started;
        }

        Started?.Invoke(started);
        return new RunLease(this, started);
    }

    private void Exit(RunStarted run, bool succeeded, string summary)
    {
        lock (_lock)
        {
            _current = null;
        }

        _slot.Release();
        Finished?.Invoke(new RunFinished(run.Kind, run.Trigger, succeeded, summary, run.StartedAt, time.GetUtcNow()));
    }

    public void Dispose() => _slot.Dispose();

    /// <summary>
    /// A run in progress. <see cref="Succeeded"/> or <see cref="Failed"/> records how it ended;
    /// disposing it ends the run (as failed, "cancelled", when neither was called).
    /// </summary>
    public sealed class RunLease : IDisposable
    {
        private readonly RunGuard _guard;
        private readonly RunStarted _run;
        private (bool Succeeded, string Summary)? _outcome;
        private bool _disposed;

        internal RunLease(RunGuard guard, RunStarted run)
        {
            _guard = guard;
            _run = run;
        }

        public void Succeeded(string summary) => _outcome = (true, summary);

        public void Failed(string reason) => _outcome = (false, reason);

        public void Dispose()
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            var (succeeded, summary) = _outcome ?? (false, "cancelled");
            _guard.Exit(_run, succeeded, summary);
        }
    }
}

/// <summary>A run that started: its kind (<see cref="RunKinds"/>), who started it ("api", "schedule") and when (UTC).</summary>
public sealed record RunStarted(string Kind, string Trigger, DateTimeOffset StartedAt);

/// <summary>A run that ended: whether it succeeded, its one-line summary (or the error), when it started and finished (UTC).</summary>
public sealed record RunFinished(string Kind, string Trigger, bool Succeeded, string Summary, DateTimeOffset StartedAt, DateTimeOffset FinishedAt);

/// <summary>Who started a run.</summary>
public static class RunTriggers
{
    /// <summary>A request to the API (the dashboard's buttons included).</summary>
    public const string Api = "api";

    /// <summary>The scheduler of <c>prescient serve</c>.</summary>
    public const string Schedule = "schedule";
}
