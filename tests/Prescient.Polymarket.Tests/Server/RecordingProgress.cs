using System.Collections.Concurrent;

namespace Prescient.Polymarket.Tests.Server;

/// <summary>An <see cref="IProgress{T}"/> that records reports synchronously, in arrival order.</summary>
internal sealed class RecordingProgress<T> : IProgress<T>
{
    private readonly ConcurrentQueue<T> _reports = new();

    public IReadOnlyList<T> Reports => _reports.ToArray();

    public void Report(T value) => _reports.Enqueue(value);
}
