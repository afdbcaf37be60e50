using System.Globalization;
using Npgsql;
using Prescient.Domain.History;
using Prescient.Domain.Signals;
using Prescient.Domain.Trading;
using Prescient.Engine.Runs;
using Prescient.Storage.Files;
using Prescient.Storage.Files.IO;
using Prescient.Storage.Files.Json;
using Prescient.Storage.Files.Runs;
using Prescient.Storage.Files.Trading;

namespace Prescient.Storage.Postgres;

/// <summary>
/// <c>prescient db import --from DIR</c>: a file-store data folder moved into an empty PostgreSQL store in
/// one transaction (all of it or nothing): the ledger record by record, the history, the signals
/// archives, the run log, the daily prices and the state documents byte for byte. Nothing in the
/// folder is changed.
/// </summary>
public static class PostgresImport
{
    public static async Task<ImportSummary> ImportAsync(DataFolder from, NpgsqlDataSource database, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(database);
        if (!Directory.Exists(from.Root))
        {
            throw new DirectoryNotFoundException($"{from.Root} does not exist: nothing to import.");
        }

        var trades = File.Exists(from.PaperTrades) ? await new FileTradingStore(from).Ledger.ReadAllAsync(cancellationToken).ConfigureAwait(false) : [];
        var history = File.Exists(from.PortfolioHistory) ? await new AppendOnlyJsonArray<PortfolioDay>(from.PortfolioHistory).ReadAllAsync(cancellationToken).ConfigureAwait(false) : [];
        var runs = File.Exists(from.RunLog) ? await new AppendOnlyJsonArray<RunRecord>(from.RunLog).ReadAllAsync(cancellationToken).ConfigureAwait(false) : [];

        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var count = new NpgsqlCommand("select (select count(*) from trades) + (select count(*) from portfolio_history) + (select count(*) from run_log)", connection, transaction))
        {
            if ((long)(await count.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))! > 0)
            {
                throw new InvalidOperationException("the PostgreSQL store already holds trades, history or runs: import only into an empty store.");
            }
        }

        foreach (var trade in trades)
        {
            await ExecuteAsync(connection, transaction, PostgresTradeLedger.InsertSql, c => PostgresTradeLedger.Bind(c, trade), cancellationToken).ConfigureAwait(false);
        }

        foreach (var day in history)
        {
            await ExecuteAsync(connection, transaction, PostgresHistoryStore.InsertDaySql, c => PostgresHistoryStore.BindDay(c, day), cancellationToken).ConfigureAwait(false);
        }

        var archived = 0;
        foreach (var file in Directory.EnumerateFiles(from.HistoryDirectory, "signals_archive_*.json").Order(StringComparer.Ordinal))
        {
            var month = Path.GetFileNameWithoutExtension(file)["signals_archive_".Length..];
            await foreach (var signal in new AppendOnlyJsonArray<Signal>(file).ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                archived += await ExecuteAsync(connection, transaction, PostgresHistoryStore.InsertSignalSql, c => PostgresHistoryStore.BindSignal(c, month, signal), cancellationToken).ConfigureAwait(false);
            }
        }

        foreach (var run in runs)
        {
            await ExecuteAsync(connection, transaction, PostgresRunLog.InsertSql, c => PostgresRunLog.Bind(c, run), cancellationToken).ConfigureAwait(false);
        }

        var days = 0;
        foreach (var file in Directory.EnumerateFiles(from.MarketsDirectory, "daily_prices_*.json").Order(StringComparer.Ordinal))
        {
            var day = DateOnly.ParseExact(Path.GetFileNameWithoutExtension(file)["daily_prices_".Length..], "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var body = await File.ReadAllBytesAsync(file, cancellationToken).ConfigureAwait(false);
            days += await ExecuteAsync(connection, transaction, "insert into daily_prices (day, body) values ($1, $2)", c => { c.Add(day); c.Add(body); }, cancellationToken).ConfigureAwait(false);
        }

        var documents = new List<string>();
        foreach (var (document, path) in Documents(from))
        {
            if (File.Exists(path))
            {
                var body = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
                var (generatedAt, source) = StateDocuments.Header(body, path);
                long? seq = document == StateDocuments.Portfolio ? StateDocuments.DecodePortfolio(body, path).TradeCount : null;
                await ExecuteAsync(connection, transaction, PostgresDocuments.UpsertSql, c => PostgresDocuments.Bind(c, document, body, generatedAt, source, seq), cancellationToken).ConfigureAwait(false);
                documents.Add(document);
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new ImportSummary(trades.Count, history.Count, archived, runs.Count, days, documents);
    }

    internal static (string Document, string Path)[] Documents(DataFolder folder) =>
    [
        (StateDocuments.Portfolio, folder.Portfolio),
        (StateDocuments.Signals, folder.CurrentSignals),
        (StateDocuments.Markets, folder.FilteredMarkets),
        (StateDocuments.Quotes, folder.MarketCache),
        (StateDocuments.FilteredEvents, folder.FilteredEvents),
    ];

    private static async Task<int> ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, Action<NpgsqlCommand> bind, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        bind(command);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>What an import moved: ledger records, history days, archived signals, runs, daily prices files and the state documents.</summary>
public sealed record ImportSummary(int Trades, int HistoryDays, int ArchivedSignals, int Runs, int DailyPrices, IReadOnlyList<string> Documents);
