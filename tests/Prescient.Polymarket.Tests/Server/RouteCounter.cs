namespace Prescient.Polymarket.Tests.Server;

/// <summary>Counts something per route (requests received, replies sent) and lets a test await a count.</summary>
internal sealed class RouteCounter
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, int> _counts = [];
    private readonly List<(string Route, int Count, TaskCompletionSource Reached)> _waiters = [];

    public void Increment(string route)
    {
        lock (_lock)
        {
            var count = _counts[route] = _counts.GetValueOrDefault(route) + 1;
            foreach (var waiter in _waiters.Where(w => w.Route == route && w.Count <= count).ToArray())
            {
                _waiters.Remove(waiter);
                waiter.Reached.TrySetResult();
            }
        }
    }

    /// <summary>Completes once <paramref name="route"/> has been counted <paramref name="count"/> times.</summary>
    public Task WhenAsync(string route, int count)
    {
        lock (_lock)
        {
            if (_counts.GetValueOrDefault(route) >= count)
            {
                return Task.CompletedTask;
            }

            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((route, count, reached));
            return reached.Task;
        }
    }
}
