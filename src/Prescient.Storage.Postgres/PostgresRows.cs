using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Prescient.Storage.Files.Json;

namespace Prescient.Storage.Postgres;

/// <summary>The small pieces every PostgreSQL adapter repeats: a parameter, a record as <c>jsonb</c> and back, rows read in order.</summary>
internal static class PostgresRows
{
    public static void Add(this NpgsqlCommand command, object? value) =>
        command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });

    public static void AddJson<T>(this NpgsqlCommand command, T record) =>
        command.Parameters.Add(new NpgsqlParameter { Value = Json(record), NpgsqlDbType = NpgsqlDbType.Jsonb });

    public static string Json<T>(T record) => JsonSerializer.Serialize(record, PrescientJson.CompactOptions);

    public static T Parse<T>(string json, string table)
        where T : class =>
        JsonSerializer.Deserialize<T>(json, PrescientJson.CompactOptions) ?? throw new InvalidDataException($"a {table} row holds JSON null");

    /// <summary>The <c>record</c> column (column 0) of every row <paramref name="command"/> returns, in order.</summary>
    public static async Task<List<T>> ReadRecordsAsync<T>(NpgsqlCommand command, string table, CancellationToken cancellationToken)
        where T : class
    {
        var records = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            records.Add(Parse<T>(reader.GetString(0), table));
        }

        return records;
    }
}
