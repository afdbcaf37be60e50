using System.CommandLine;
using Npgsql;
using Prescient.Host.Hosting;
using Prescient.Storage.Files;
using Prescient.Storage.Postgres;
using Spectre.Console;

namespace Prescient.Cli.Commands;

/// <summary>
/// <c>prescient db migrate</c> (the PostgreSQL store's schema, migration by migration), <c>prescient db
/// import --from DIR</c> (a file-store data folder into an empty PostgreSQL store) and <c>prescient db export
/// --to DIR</c> (the way back), all at <c>--pg</c>.
/// </summary>
internal static class DbCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("db", "The PostgreSQL store at --pg (README, Beyond one machine).");
        command.Subcommands.Add(Migrate(context));
        command.Subcommands.Add(Import(context));
        command.Subcommands.Add(Export(context));
        return command;
    }

    private static Command Migrate(CliContext context)
    {
        var command = new Command("migrate", "Apply the schema's migrations not applied yet (each once, in order, in its own transaction) and list them.");
        command.SetAction(async (parse, ct) =>
        {
            await using var database = Open(context, parse);
            var applied = await Guard(database, "migrated", () => PostgresMigrations.MigrateAsync(database, ct));
            context.Console.WriteLine(applied.Count == 0
                ? $"Up to date: {PostgresMigrations.All.Count} migrations applied before."
                : $"Applied {applied.Count} migrations: {string.Join(", ", applied)}.");
            return 0;
        });
        return command;
    }

    private static Command Import(CliContext context)
    {
        var from = new Option<DirectoryInfo>("--from") { Description = "The file-store data folder to import (it is only read).", Required = true };
        var command = new Command("import", "Move a file-store data folder into an empty PostgreSQL store in one transaction (migrating it first); check both with `prescient check --data DIR` and `prescient check --store postgres`.") { from };
        command.SetAction(async (parse, ct) =>
        {
            var folder = new DataFolder(parse.GetValue(from)!.FullName);
            await using var database = Open(context, parse);
            await Guard(database, "migrated", () => PostgresMigrations.MigrateAsync(database, ct));
            ImportSummary summary;
            try
            {
                summary = await Guard(database, "imported into", () => PostgresImport.ImportAsync(folder, database, ct));
            }
            catch (Exception e) when (e is InvalidOperationException or DirectoryNotFoundException)
            {
                throw new SettingsException(e.Message, e);
            }

            context.Console.MarkupLineInterpolated(
                $"[green]Imported[/] {folder.Root}: {summary.Trades} ledger records, {summary.HistoryDays} history days, {summary.ArchivedSignals} archived signals, {summary.Runs} runs, {summary.DailyPrices} daily prices files, {summary.Documents.Count} state documents.");
            return 0;
        });
        return command;
    }

    private static Command Export(CliContext context)
    {
        var to = new Option<DirectoryInfo>("--to") { Description = "The data folder to write (it must hold no trading state yet).", Required = true };
        var command = new Command("export", "Write the PostgreSQL store out as a file-store data folder: every JSON file of the contract, byte for byte; `prescient export --data DIR` then writes its CSVs.") { to };
        command.SetAction(async (parse, ct) =>
        {
            var folder = new DataFolder(parse.GetValue(to)!.FullName);
            await using var database = Open(context, parse);
            ImportSummary summary;
            try
            {
                summary = await Guard(database, "exported from", () => PostgresExport.ExportAsync(database, folder, ct));
            }
            catch (InvalidOperationException e)
            {
                throw new SettingsException(e.Message, e);
            }

            context.Console.MarkupLineInterpolated(
                $"[green]Exported[/] to {folder.Root}: {summary.Trades} ledger records, {summary.HistoryDays} history days, {summary.ArchivedSignals} archived signals, {summary.Runs} runs, {summary.DailyPrices} daily prices files, {summary.Documents.Count} state documents.");
            return 0;
        });
        return command;
    }

    private static NpgsqlDataSource Open(CliContext context, ParseResult parse)
    {
        var configuration = context.Options.BuildConfiguration(parse);
        var connection = configuration["Postgres:ConnectionString"] is { Length: > 0 } pg ? pg : configuration["PG"];
        if (string.IsNullOrWhiteSpace(connection))
        {
            throw new SettingsException("db needs --pg \"connection string\" (or PRESCIENT_PG).");
        }

        try
        {
            return NpgsqlDataSource.Create(connection);
        }
        catch (ArgumentException e)
        {
            throw new SettingsException($"--pg is not a PostgreSQL connection string: {e.Message}", e);
        }
    }

    private static async Task<T> Guard<T>(NpgsqlDataSource database, string what, Func<Task<T>> work)
    {
        try
        {
            return await work();
        }
        catch (NpgsqlException e)
        {
            throw new SettingsException($"PostgreSQL at {PostgresMigrations.Describe(database)} could not be {what}: {e.Message}", e);
        }
    }
}
