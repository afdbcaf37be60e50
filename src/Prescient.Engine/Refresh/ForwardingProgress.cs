namespace Prescient.Engine.Refresh;

/// <summary>
/// Reports straight through, in order, one report at a time (Progress&lt;T&gt; would post to the
/// thread pool and could reorder reports).
/// </summary>
public sealed class ForwardingProgress<T>(Action<T> report) : IProgress<T>
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
