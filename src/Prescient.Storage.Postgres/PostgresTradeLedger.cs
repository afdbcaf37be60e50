using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Prescient.Domain.Trading;
using Prescient.Engine.Storage;
using Prescient.Storage.Files.Json;

namespace Prescient.Storage.Postgres;

/// <summary>
/// The trade ledger in PostgreSQL (table <c>trades</c>, migration 0001): one row per record in ledger
/// order, its figures as <c>numeric</c> columns and the whole record as <c>jsonb</c>, exactly as the file
/// store writes it. The database holds the invariants: no UPDATE, DELETE or TRUNCATE, each record the
/// next in sequence, one record per signal — so exactly-once holds with any number of writers, the
/// second of two racing appends of one signal failing with <see cref="DuplicateSignalException"/>.
/// </summary>
public sealed class PostgresTradeLedger(NpgsqlDataSource database) : ITradeLedger
{
    public async Task<IReadOnlyList<Trade>> ReadAllAsync(CancellationToken cancellationToken)
    {
        var trades = new List<Trade>();
        await using var command = database.CreateCommand("select record from trades order by seq");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            trades.Add(Parse(reader.GetString(0)));
        }

        return trades;
    }

    public async Task<LedgerTail> ReadLastAsync(int count, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        await using var command = database.CreateCommand("select record, (select count(*) from trades) from trades order by seq desc limit $1");
        command.Parameters.Add(new NpgsqlParameter { Value = count });
        var newest = new List<Trade>();
        long total = 0;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                newest.Add(Parse(reader.GetString(0)));
                total = reader.GetInt64(1);
            }
        }

        newest.Reverse();
        return new LedgerTail(newest, (int)total);
    }

    public async Task AppendAsync(Trade trade, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(trade);
        await using var command = database.CreateCommand(
            "insert into trades (seq, trade_id, signal_id, kind, executed_at, market_id, token_id, shares, price, cost, fees, cash_after, realized_pnl, record) "
            + "values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)");
        Add(command, long.Parse(trade.TradeId.Value.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture));
        Add(command, trade.TradeId.Value);
        Add(command, (object?)trade.SignalId?.Value ?? DBNull.Value);
        Add(command, JsonNamingPolicy.SnakeCaseLower.ConvertName(trade.Kind.ToString()));
        Add(command, trade.ExecutedAt.UtcDateTime);
        Add(command, trade.MarketId.Value);
        Add(command, trade.TokenId.Value);
        Add(command, trade.Shares.Value);
        Add(command, trade.Price.Value);
        Add(command, trade.Cost.Value);
        Add(command, trade.Fees.Value);
        Add(command, trade.CashAfter.Value);
        Add(command, (object?)trade.RealizedPnl?.Value ?? DBNull.Value);
        command.Parameters.Add(new NpgsqlParameter { Value = Json(trade), NpgsqlDbType = NpgsqlDbType.Jsonb });
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && e.ConstraintName == "trades_signal_id_key")
        {
            throw new DuplicateSignalException($"signal {trade.SignalId} is already in the ledger: a signal is traded once", e);
        }
    }

    /// <summary>The ledger as the file contract's JSON array (one record per line), from the database's records in order.</summary>
    public async Task<bool> TryCopyToAsync(Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var trades = await ReadAllAsync(cancellationToken).ConfigureAwait(false);
        await using var writer = new StreamWriter(destination, leaveOpen: true);
        await writer.WriteAsync("[\n").ConfigureAwait(false);
        for (var i = 0; i < trades.Count; i++)
        {
            await writer.WriteAsync(Json(trades[i]) + (i + 1 < trades.Count ? ",\n" : "\n")).ConfigureAwait(false);
        }

        await writer.WriteAsync("]\n").ConfigureAwait(false);
        return true;
    }

    private static void Add(NpgsqlCommand command, object value) => command.Parameters.Add(new NpgsqlParameter { Value = value });

    private static string Json(Trade trade) => JsonSerializer.Serialize(trade, PrescientJson.CompactOptions);

    private static Trade Parse(string json) =>
        JsonSerializer.Deserialize<Trade>(json, PrescientJson.CompactOptions) ?? throw new InvalidDataException("a trades row holds JSON null");
}

/// <summary>An append of a signal the ledger already holds: the database refused it (one record per signal).</summary>
public sealed class DuplicateSignalException(string message, Exception inner) : InvalidOperationException(message, inner);
