using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Prescient.Domain.Trading;
using Prescient.Engine.Storage;

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
        await using var command = database.CreateCommand("select record from trades order by seq");
        return await PostgresRows.ReadRecordsAsync<Trade>(command, "trades", cancellationToken).ConfigureAwait(false);
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
        await using var command = database.CreateCommand(InsertSql);
        Bind(command, trade);
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

    /// <summary>The insert of one record (bound by <see cref="Bind"/>): the database checks it is the next one and the signal's first.</summary>
    internal const string InsertSql =
        "insert into trades (seq, trade_id, signal_id, kind, executed_at, market_id, token_id, shares, price, cost, fees, cash_after, realized_pnl, record) "
        + "values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)";

    internal static void Bind(NpgsqlCommand command, Trade trade)
    {
        command.Add(long.Parse(trade.TradeId.Value.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture));
        command.Add(trade.TradeId.Value);
        command.Add(trade.SignalId?.Value);
        command.Add(JsonNamingPolicy.SnakeCaseLower.ConvertName(trade.Kind.ToString()));
        command.Add(trade.ExecutedAt.UtcDateTime);
        command.Add(trade.MarketId.Value);
        command.Add(trade.TokenId.Value);
        command.Add(trade.Shares.Value);
        command.Add(trade.Price.Value);
        command.Add(trade.Cost.Value);
        command.Add(trade.Fees.Value);
        command.Add(trade.CashAfter.Value);
        command.Add(trade.RealizedPnl?.Value);
        command.AddJson(trade);
    }

    private static string Json(Trade trade) => PostgresRows.Json(trade);

    private static Trade Parse(string json) => PostgresRows.Parse<Trade>(json, "trades");
}

/// <summary>An append of a signal the ledger already holds: the database refused it (one record per signal).</summary>
public sealed class DuplicateSignalException(string message, Exception inner) : InvalidOperationException(message, inner);
