using Npgsql;
using NpgsqlTypes;

namespace Prescient.Storage.Postgres;

/// <summary>
/// Table <c>documents</c> (migration 0002): the state documents each run replaces whole, byte for byte
/// the JSON the file store writes, with the header a status shows and, for the portfolio, the ledger
/// record it was written over.
/// </summary>
internal sealed class PostgresDocuments(NpgsqlDataSource database)
{
    /// <summary>Replaces document <paramref name="name"/> in one statement (readers see the old or the new, never part).</summary>
    public async Task WriteAsync(string name, byte[] body, DateTimeOffset? generatedAt, string? source, long? ledgerSeq, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(UpsertSql);
        Bind(command, name, body, generatedAt, source, ledgerSeq);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    internal const string UpsertSql =
        "insert into documents (name, body, generated_at, source, ledger_seq, updated_at) values ($1, $2, $3, $4, $5, now()) "
        + "on conflict (name) do update set body = excluded.body, generated_at = excluded.generated_at, source = excluded.source, "
        + "ledger_seq = excluded.ledger_seq, updated_at = excluded.updated_at";

    internal static void Bind(NpgsqlCommand command, string name, byte[] body, DateTimeOffset? generatedAt, string? source, long? ledgerSeq)
    {
        command.Parameters.Add(new NpgsqlParameter { Value = name });
        command.Parameters.Add(new NpgsqlParameter { Value = body, NpgsqlDbType = NpgsqlDbType.Bytea });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)generatedAt?.UtcDateTime ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)source ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)ledgerSeq ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint });
    }

    /// <summary>The body of document <paramref name="name"/>, or null when it was never written.</summary>
    public async Task<byte[]?> ReadAsync(string name, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("select body from documents where name = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = name });
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as byte[];
    }

    /// <summary>The header of document <paramref name="name"/> (null when never written).</summary>
    public async Task<DocumentRow?> ReadHeaderAsync(string name, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("select generated_at, source, ledger_seq from documents where name = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = name });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return new DocumentRow(
            reader.IsDBNull(0) ? null : new DateTimeOffset(reader.GetDateTime(0), TimeSpan.Zero),
            reader.IsDBNull(1) ? null : reader.GetString(1),
            reader.IsDBNull(2) ? null : reader.GetInt64(2));
    }
}

/// <summary>A document's header: when and from where it was generated, and (the portfolio) the ledger record it was written over.</summary>
internal sealed record DocumentRow(DateTimeOffset? GeneratedAt, string? Source, long? LedgerSeq);
