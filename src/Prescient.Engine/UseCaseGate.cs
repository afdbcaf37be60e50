using Prescient.Engine.Storage;

namespace Prescient.Engine;

/// <summary>
/// Runs the use-cases that write the store one at a time within a process (the data-folder lock keeps
/// other processes out of a file store), so concurrent API calls queue instead of interleaving files.
/// With a store shared by several processes it also holds that store's <see cref="IStoreLease"/>, so
/// the use-cases of every process sharing it run one at a time.
/// </summary>
public sealed class UseCaseGate(IStoreLease? lease = null) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (lease is null)
            {
                return await work(cancellationToken);
            }

            var held = await lease.AcquireAsync(cancellationToken);
            await using (held.ConfigureAwait(false))
            {
                return await work(cancellationToken);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
