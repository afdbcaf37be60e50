namespace Prescient.Engine;

/// <summary>
/// Runs the use-cases that write the data folder one at a time within a process (the data-folder
/// lock keeps other processes out), so concurrent API calls queue instead of interleaving files.
/// </summary>
public sealed class UseCaseGate : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return await work(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
