namespace Prescient.Engine.Storage;

/// <summary>
/// Exclusive use of a store shared by several processes (the PostgreSQL store's advisory lock): the
/// <see cref="UseCaseGate"/> holds it around each writing use-case, so workers on any number of
/// machines replay, decide and append one at a time. The file store needs none: its data-folder lock
/// admits one process.
/// </summary>
public interface IStoreLease
{
    /// <summary>Waits for the lease; disposing the result gives it back. A process that dies gives it back too.</summary>
    Task<IAsyncDisposable> AcquireAsync(CancellationToken cancellationToken);
}
