namespace Prescient.Engine.Storage;

/// <summary>What a store checks when a process starts, before any command touches it.</summary>
public interface IStoreStartup
{
    /// <summary>
    /// Whether the store holds any trading state (a ledger or a portfolio) to recover, after checking it
    /// can be used at all (<see cref="StoreUnavailableException"/> when it cannot: unreachable, schema not migrated).
    /// </summary>
    Task<bool> HasTradingStateAsync(CancellationToken cancellationToken);
}

/// <summary>A store that cannot be used: the message says why and what to do, in one line.</summary>
public sealed class StoreUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
