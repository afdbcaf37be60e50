using System.Globalization;
using Npgsql;
using Prescient.Domain.Signals;
using Prescient.Engine.Runs;
using Prescient.Storage.Files;
using Prescient.Storage.Files.IO;
using Prescient.Storage.Files.Json;

namespace Prescient.Storage.Postgres;

/// <summary>
/// <c>prescient db export --to DIR</c>, the way back from <see cref="PostgresImport"/>: the database written
/// out as a file-store data folder — every JSON file of the contract, the same bytes the file store would
/// have written — into a folder that holds no trading state yet. <c>prescient export --data DIR</c> then
/// writes its CSVs, and every other command reads it.
/// </summary>
public static class PostgresExport
{
    public static async Task<ImportSummary> ExportAsync(NpgsqlDataSource database, DataFolder to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(to);
        if (new[] { to.PaperTrades, to.PortfolioHistory, to.Portfolio }.FirstOrDefault(File.Exists) is { } existing)
        {
            throw new InvalidOperationException($"{existing} exists: export only into a folder with no trading state.");
        }

        var trades = await new PostgresTradeLedger(database).ReadAllAsync(cancellationToken).ConfigureAwait(false);
        var days = await new PostgresHistoryStore(database).ReadPortfolioHistoryAsync(cancellationToken).ConfigureAwait(false);
        var runs = await ReadAsync<RunRecord>(database, "select record from run_log order by seq", "run_log", cancellationToken).ConfigureAwait(false);
        await CreateAsync(to.PaperTrades, trades, cancellationToken).ConfigureAwait(false);
        await CreateAsync(to.PortfolioHistory, days, cancellationToken).ConfigureAwait(false);
        await CreateAsync(to.RunLog, runs, cancellationToken).ConfigureAwait(false);

        var archived = 0;
        await using (var command = database.CreateCommand("select month, record from signals_archive order by month, seq"))
        {
            var byMonth = new List<(string Month, Signal Signal)>();
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    byMonth.Add((reader.GetString(0), PostgresRows.Parse<Signal>(reader.GetString(1), "signals_archive")));
                }
            }

            foreach (var month in byMonth.GroupBy(m => m.Month, StringComparer.Ordinal))
            {
                var first = DateOnly.ParseExact(month.Key + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
                await CreateAsync(to.SignalsArchive(first), month.Select(m => m.Signal).ToList(), cancellationToken).ConfigureAwait(false);
                archived += month.Count();
            }
        }

        var daily = 0;
        await using (var command = database.CreateCommand("select day, body from daily_prices order by day"))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                await WriteAsync(to.DailyPrices(reader.GetFieldValue<DateOnly>(0)), reader.GetFieldValue<byte[]>(1), cancellationToken).ConfigureAwait(false);
                daily++;
            }
        }

        var documents = new PostgresDocuments(database);
        var written = new List<string>();
        foreach (var (document, path) in PostgresImport.Documents(to))
        {
            if (await documents.ReadAsync(document, cancellationToken).ConfigureAwait(false) is { } body)
            {
                await WriteAsync(path, body, cancellationToken).ConfigureAwait(false);
                written.Add(document);
            }
        }

        return new ImportSummary(trades.Count, days.Count, archived, runs.Count, daily, written);
    }

    private static async Task CreateAsync<T>(string path, IReadOnlyList<T> records, CancellationToken cancellationToken)
        where T : notnull
    {
        if (records.Count > 0)
        {
            await AppendOnlyJsonArray<T>.CreateAsync(DataFolder.EnsureDirectoryFor(path), records, cancellationToken).ConfigureAwait(false);
        }
    }

    private static Task WriteAsync(string path, byte[] body, CancellationToken cancellationToken) =>
        AtomicFile.WriteAsync(path, (stream, ct) => stream.WriteAsync(body, ct).AsTask(), cancellationToken);

    private static async Task<List<T>> ReadAsync<T>(NpgsqlDataSource database, string sql, string table, CancellationToken cancellationToken)
        where T : class
    {
        await using var command = database.CreateCommand(sql);
        return await PostgresRows.ReadRecordsAsync<T>(command, table, cancellationToken).ConfigureAwait(false);
    }
}
