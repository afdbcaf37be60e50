using System.CommandLine;
using Npgsql;
using Prescient.Host.Hosting;
using Prescient.Storage.Postgres;
using Spectre.Console;

namespace Prescient.Cli.Commands;

/// <summary><c>prescient db migrate --pg "connection string"</c>: the PostgreSQL store's schema, migration by migration.</summary>
internal static class DbCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("db", "The PostgreSQL store (README, Beyond one machine).");
        command.Subcommands.Add(Migrate(context));
        return command;
    }

    private static Command Migrate(CliContext context)
    {
        var pg = new Option<string>("--pg") { Description = "PostgreSQL connection string (default: the PRESCIENT_PG environment variable), e.g. \"Host=127.0.0.1;Port=55432;Username=prescient;Database=prescient\"." };
        var command = new Command("migrate", "Apply the schema's migrations not applied yet (each once, in order, in its own transaction) and list them.") { pg };
        command.SetAction(async (parse, ct) =>
        {
            var connection = parse.GetValue(pg) ?? Environment.GetEnvironmentVariable("PRESCIENT_PG");
            if (string.IsNullOrWhiteSpace(connection))
            {
                throw new SettingsException("db migrate needs --pg \"connection string\" (or PRESCIENT_PG).");
            }

            NpgsqlDataSource database;
            try
            {
                database = NpgsqlDataSource.Create(connection);
            }
            catch (ArgumentException e)
            {
                throw new SettingsException($"--pg is not a PostgreSQL connection string: {e.Message}", e);
            }

            await using (database)
            {
                IReadOnlyList<string> applied;
                try
                {
                    applied = await PostgresMigrations.MigrateAsync(database, ct);
                }
                catch (NpgsqlException e)
                {
                    throw new SettingsException($"PostgreSQL at {database.ConnectionString.Split(';').FirstOrDefault(p => p.StartsWith("Host", StringComparison.OrdinalIgnoreCase)) ?? "?"} could not be migrated: {e.Message}", e);
                }

                context.Console.WriteLine(applied.Count == 0
                    ? $"Up to date: {PostgresMigrations.All.Count} migrations applied before."
                    : $"Applied {applied.Count} migrations: {string.Join(", ", applied)}.");
            }

            return 0;
        });
        return command;
    }
}
