using System.Reflection;
using Npgsql;

namespace Prescient.Storage.Postgres;

/// <summary>
/// The schema's versioned migrations (<c>Migrations/NNNN_name.sql</c>, embedded), applied in order by
/// <c>prescient db migrate</c>: each in its own transaction, recorded in <c>schema_migrations</c>, under
/// an advisory lock so two processes migrating at once apply each migration once.
/// </summary>
public static class PostgresMigrations
{
    private const long LockKey = 0x5052_4553_4349_454E; // "PRESCIEN"

    /// <summary>Every migration the code knows, oldest first: (version, name, SQL).</summary>
    public static IReadOnlyList<(int Version, string Name, string Sql)> All { get; } = Load();

    /// <summary>Applies the migrations not applied yet; returns the names applied by this call.</summary>
    public static async Task<IReadOnlyList<string>> MigrateAsync(NpgsqlDataSource database, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await Execute(connection, null, $"select pg_advisory_lock({LockKey})", cancellationToken).ConfigureAwait(false);
        try
        {
            await Execute(connection, null, "create table if not exists schema_migrations (version int primary key, name text not null, applied_at timestamptz not null default now())", cancellationToken).ConfigureAwait(false);
            var applied = new HashSet<int>();
            await using (var read = new NpgsqlCommand("select version from schema_migrations", connection))
            await using (var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    applied.Add(reader.GetInt32(0));
                }
            }

            var done = new List<string>();
            foreach (var (version, name, sql) in All.Where(m => !applied.Contains(m.Version)))
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                await Execute(connection, transaction, sql, cancellationToken).ConfigureAwait(false);
                await using (var record = new NpgsqlCommand("insert into schema_migrations (version, name) values ($1, $2)", connection, transaction))
                {
                    record.Parameters.Add(new NpgsqlParameter { Value = version });
                    record.Parameters.Add(new NpgsqlParameter { Value = name });
                    await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                done.Add(name);
            }

            return done;
        }
        finally
        {
            await Execute(connection, null, $"select pg_advisory_unlock({LockKey})", CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>The names of the migrations this build knows that the database has not applied (all of them on a new database).</summary>
    public static async Task<IReadOnlyList<string>> PendingAsync(NpgsqlDataSource database, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var command = database.CreateCommand(
            "select coalesce(array_agg(version), '{}') from schema_migrations");
        int[] applied;
        try
        {
            applied = (int[])(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            applied = [];
        }

        return All.Where(m => !applied.Contains(m.Version)).Select(m => m.Name).ToList();
    }

    /// <summary>Where <paramref name="database"/> points (host:port/database), for messages; never the password.</summary>
    public static string Describe(NpgsqlDataSource database)
    {
        ArgumentNullException.ThrowIfNull(database);
        var builder = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        return $"{builder.Host}:{builder.Port}/{builder.Database}";
    }

    private static async Task Execute(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static List<(int, string, string)> Load()
    {
        var assembly = typeof(PostgresMigrations).Assembly;
        const string prefix = "Prescient.Storage.Postgres.Migrations.";
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => n[prefix.Length..^4])
            .Select(name => (Version: int.Parse(name[..4], System.Globalization.CultureInfo.InvariantCulture), Name: name, Sql: Read(assembly, prefix + name + ".sql")))
            .OrderBy(m => m.Version)
            .ToList();
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource) ?? throw new InvalidOperationException($"missing migration {resource}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
