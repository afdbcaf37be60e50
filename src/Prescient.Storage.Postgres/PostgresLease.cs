using Npgsql;
using Prescient.Engine.Storage;

namespace Prescient.Storage.Postgres;

/// <summary>
/// The store's lease as a session advisory lock on a connection of its own: held from acquisition to
/// dispose, and released by the server when the process holding it dies (its session ends), so a
/// killed worker never leaves the store locked.
/// </summary>
public sealed class PostgresLease(NpgsqlDataSource database) : IStoreLease
{
    private const long LockKey = 0x5052_4553_5354_4F52; // "PRESSTOR"

    public async Task<IAsyncDisposable> AcquireAsync(CancellationToken cancellationToken)
    {
        var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var command = new NpgsqlCommand($"select pg_advisory_lock({LockKey})", connection);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return new Held(connection);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private sealed class Held(NpgsqlConnection connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await using var command = new NpgsqlCommand($"select pg_advisory_unlock({LockKey})", connection);
                await command.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
            }
            finally
            {
                // Back to the pool: Npgsql resets the session there (DISCARD ALL), which drops any lock left.
                await connection.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
