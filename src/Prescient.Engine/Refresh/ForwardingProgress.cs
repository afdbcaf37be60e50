namespace Prescient.Engine.Refresh;

/// <summary>Reports straight through on the reporting thread (Progress&lt;T&gt; would post to the thread pool and reorder).</summary>
internal sealed class ForwardingProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
