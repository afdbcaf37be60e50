using Npgsql;

using Prescient.Storage.Postgres;

namespace Prescient.Testing.Postgres;

/// <summary>
/// A fresh database on the PostgreSQL that <c>scripts/services up postgres</c> starts (its address in
/// PRESCIENT_SERVICES_PG, which <c>scripts/test.sh</c> exports), migrated, dropped on dispose. Without the
/// server a test fails and says how to start it: these tests run against the real server, never a mock.
/// </summary>
public sealed class PostgresDatabase : IAsyncDisposable
{
    private readonly string _admin;

    private PostgresDatabase(string admin, string name, NpgsqlDataSource source)
    {
        _admin = admin;
        Name = name;
        Source = source;
    }

    public string Name { get; }

    public NpgsqlDataSource Source { get; }

    /// <summary>The connection string of this database, as a user passes it to <c>--pg</c>.</summary>
    public string ConnectionString => Source.ConnectionString;

    public static async Task<PostgresDatabase> CreateAsync(bool migrate = true)
    {
        var server = Environment.GetEnvironmentVariable("PRESCIENT_SERVICES_PG");
        if (string.IsNullOrEmpty(server))
        {
            throw new InvalidOperationException("PRESCIENT_SERVICES_PG is not set: run `scripts/services up postgres` and `eval \"$(scripts/services env)\"` (scripts/test.sh does both)");
        }

        var admin = new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString;
        var name = "prescient_test_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"create database {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        var source = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString);
        var database = new PostgresDatabase(admin, name, source);
        if (migrate)
        {
            await PostgresMigrations.MigrateAsync(source, CancellationToken.None);
        }

        return database;
    }

    /// <summary>Runs <paramref name="sql"/> as is (what a user or another program could send).</summary>
    public async Task<int> ExecuteAsync(string sql)
    {
        await using var command = Source.CreateCommand(sql);
        return await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Source.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_admin);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"drop database if exists {Name} with (force)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
