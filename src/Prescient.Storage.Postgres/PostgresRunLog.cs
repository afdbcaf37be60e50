using Npgsql;
using Prescient.Engine.Runs;

namespace Prescient.Storage.Postgres;

/// <summary>Table <c>run_log</c>: one row per run, in order, never changed.</summary>
public sealed class PostgresRunLog(NpgsqlDataSource database) : IRunLog
{
    public async Task AppendAsync(RunRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        await using var command = database.CreateCommand(InsertSql);
        Bind(command, record);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<RunRecord?> LastAsync(string kind, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        await using var command = database.CreateCommand("select record from run_log where kind = $1 order by seq desc limit 1");
        command.Add(kind);
        return (await PostgresRows.ReadRecordsAsync<RunRecord>(command, "run_log", cancellationToken).ConfigureAwait(false)).SingleOrDefault();
    }

    public async Task<IReadOnlyList<RunRecord>> RecentAsync(int count, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        await using var command = database.CreateCommand("select record from run_log order by seq desc limit $1");
        command.Add(count);
        return await PostgresRows.ReadRecordsAsync<RunRecord>(command, "run_log", cancellationToken).ConfigureAwait(false);
    }

    internal const string InsertSql = "insert into run_log (kind, record) values ($1, $2)";

    internal static void Bind(NpgsqlCommand command, RunRecord record)
    {
        command.Add(record.Kind);
        command.AddJson(record);
    }
}
