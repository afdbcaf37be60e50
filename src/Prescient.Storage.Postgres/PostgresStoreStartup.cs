using Npgsql;
using Prescient.Engine.Storage;

namespace Prescient.Storage.Postgres;

/// <summary>At start: the database answers and holds every migration this build knows; then whether it has trading state.</summary>
internal sealed class PostgresStoreStartup(NpgsqlDataSource database) : IStoreStartup
{
    public async Task<bool> HasTradingStateAsync(CancellationToken cancellationToken)
    {
        var host = PostgresMigrations.Describe(database);
        try
        {
            var pending = await PostgresMigrations.PendingAsync(database, cancellationToken).ConfigureAwait(false);
            if (pending.Count > 0)
            {
                throw new StoreUnavailableException($"the PostgreSQL store at {host} lacks {pending.Count} migrations ({string.Join(", ", pending)}): run `prescient db migrate --pg \"…\"` first.");
            }

            await using var command = database.CreateCommand("select exists (select 1 from trades) or exists (select 1 from documents where name = 'trades/portfolio.json')");
            return (bool)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }
        catch (NpgsqlException e)
        {
            throw new StoreUnavailableException($"the PostgreSQL store at {host} cannot be used: {e.Message}", e);
        }
    }
}
