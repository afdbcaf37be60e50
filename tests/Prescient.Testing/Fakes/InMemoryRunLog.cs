using Prescient.Engine.Runs;

namespace Prescient.Testing.Fakes;

/// <summary>The run log in memory, append only; set <see cref="Failure"/> to make appends throw.</summary>
public sealed class InMemoryRunLog : IRunLog
{
    private readonly Lock _lock = new();
    private readonly List<RunRecord> _records = [];

    public Exception? Failure { get; set; }

    public IReadOnlyList<RunRecord> Records
    {
        get
        {
            lock (_lock)
            {
                return _records.ToArray();
            }
        }
    }

    public Task AppendAsync(RunRecord record, CancellationToken cancellationToken)
    {
        if (Failure is not null)
        {
            throw Failure;
        }

        lock (_lock)
        {
            _records.Add(record);
        }

        return Task.CompletedTask;
    }

    public Task<RunRecord?> LastAsync(string kind, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_records.LastOrDefault(r => r.Kind == kind));
        }
    }

    public Task<IReadOnlyList<RunRecord>> RecentAsync(int count, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<RunRecord>>(_records.AsEnumerable().Reverse().Take(count).ToArray());
        }
    }
}
