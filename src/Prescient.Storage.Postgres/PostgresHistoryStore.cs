using System.Globalization;
using Npgsql;
using Prescient.Domain.History;
using Prescient.Domain.Signals;
using Prescient.Engine.Storage;

namespace Prescient.Storage.Postgres;

/// <summary>
/// The history in PostgreSQL: <c>portfolio_history</c> (one row per day, the date its primary key) and
/// <c>signals_archive</c> (one row per signal per month), both refusing UPDATE, DELETE and TRUNCATE.
/// </summary>
public sealed class PostgresHistoryStore(NpgsqlDataSource database) : IHistoryStore
{
    public async Task<IReadOnlyList<PortfolioDay>> ReadPortfolioHistoryAsync(CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("select record from portfolio_history order by date");
        return await PostgresRows.ReadRecordsAsync<PortfolioDay>(command, "portfolio_history", cancellationToken).ConfigureAwait(false);
    }

    public async Task<string> AppendPortfolioDayAsync(PortfolioDay day, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(day);
        await using var command = database.CreateCommand(InsertDaySql);
        BindDay(command, day);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return "postgres:portfolio_history";
    }

    public async Task<SignalsArchived> ArchiveSignalsAsync(DateOnly day, IReadOnlyList<Signal> signals, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signals);
        var month = day.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var name = $"postgres:signals_archive[{month}]";
        var added = 0;
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var signal in signals)
        {
            // Ids already archived this month (and repeats in the batch) are skipped, as the file store does.
            await using var command = new NpgsqlCommand(InsertSignalSql, connection, transaction);
            BindSignal(command, month, signal);
            added += await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new SignalsArchived(name, added);
    }

    internal const string InsertDaySql = "insert into portfolio_history (date, recorded_at, equity, cash, record) values ($1, $2, $3, $4, $5)";

    /// <summary>Skips a signal the month's archive holds already (the file store skips it too).</summary>
    internal const string InsertSignalSql = "insert into signals_archive (month, signal_id, record) values ($1, $2, $3) on conflict do nothing";

    internal static void BindDay(NpgsqlCommand command, PortfolioDay day)
    {
        command.Add(day.Date);
        command.Add(day.RecordedAt.UtcDateTime);
        command.Add(day.Equity);
        command.Add(day.Cash);
        command.AddJson(day);
    }

    internal static void BindSignal(NpgsqlCommand command, string month, Signal signal)
    {
        command.Add(month);
        command.Add(signal.SignalId.Value);
        command.AddJson(signal);
    }
}
