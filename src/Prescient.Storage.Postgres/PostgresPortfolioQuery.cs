using System.Text.Json;
using Npgsql;
using Prescient.Domain.Positions;

namespace Prescient.Storage.Postgres;

/// <summary>
/// The portfolio rebuilt by the database itself, in one query (view <c>portfolio_from_trades</c>): cash
/// after the last record and the shares held per token. <c>prescient check</c> compares it with the
/// engine's replay of the same ledger, so two independent rebuilds must agree.
/// </summary>
public static class PostgresPortfolioQuery
{
    /// <summary>Every way the database's rebuild differs from <paramref name="replayed"/> (of <paramref name="records"/> records); empty when they agree.</summary>
    public static async Task<IReadOnlyList<string>> DifferencesAsync(NpgsqlDataSource database, Portfolio replayed, int records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(replayed);
        await using var command = database.CreateCommand("select cash, records, positions::text from portfolio_from_trades");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        var differences = new List<string>();
        var count = reader.GetInt64(1);
        if (count != records)
        {
            differences.Add($"the database counts {count} trades, the replay {records}");
        }

        if (!reader.IsDBNull(0) && reader.GetDecimal(0) != replayed.Cash.Value)
        {
            differences.Add($"cash: the database's query gives {reader.GetDecimal(0)}, the replay {replayed.Cash.Value}");
        }

        var held = JsonSerializer.Deserialize<Dictionary<string, decimal>>(reader.GetString(2)) ?? [];
        var replayedShares = replayed.Positions.ToDictionary(p => p.TokenId.Value, p => p.Shares.Value, StringComparer.Ordinal);
        foreach (var token in held.Keys.Union(replayedShares.Keys).Order(StringComparer.Ordinal))
        {
            var query = held.GetValueOrDefault(token);
            var replay = replayedShares.GetValueOrDefault(token);
            if (query != replay)
            {
                differences.Add($"token {token}: the database's query holds {query} shares, the replay {replay}");
            }
        }

        return differences;
    }
}
