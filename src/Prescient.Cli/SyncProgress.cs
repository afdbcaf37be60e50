namespace Prescient.Cli;

/// <summary>An IProgress that reports on the caller's thread, in order (Progress&lt;T&gt; posts to the thread pool and can reorder).</summary>
internal sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
{
    private readonly Lock _gate = new();

    public void Report(T value)
    {
        lock (_gate)
        {
            report(value);
        }
    }
}
