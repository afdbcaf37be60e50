using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Prescient.Engine.Positions;
using Npgsql;
using Prescient.Host.Hosting;
using Prescient.Storage.Postgres;
using Spectre.Console;

namespace Prescient.Cli.Commands;

/// <summary>
/// <c>prescient check</c>: rebuild the portfolio from the ledger alone and report every difference; exit 1
/// on any. A <c>portfolio.json</c> that was only behind the ledger (an interrupted run) has been rebuilt,
/// by the start-up step or by this check: that is said, and the exit is 0.
/// </summary>
internal static class CheckCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("check", "Rebuild the portfolio from trades/paper_trades.json (no network) and compare it with trades/portfolio.json; a portfolio.json only behind the ledger (an interrupted run) is rebuilt and said so; non-zero exit on any other difference.");
        command.SetAction(async (parse, ct) =>
        {
            await using var runtime = await PrescientRuntime.StartAsync(context.Options.BuildConfiguration(parse), CliContext.ConfigureLogging, ct, market: MarketUse.None);
            var result = await runtime.Services.GetRequiredService<PortfolioRecovery>().RecoverAsync(ct);
            if (result.Repair is { } repair)
            {
                context.Console.MarkupLineInterpolated($"[yellow]Repaired[/]: {repair.Message}.");
            }

            var differences = result.Differences.ToList();
            if (runtime.Settings.IsPostgres && result.Rebuilt is { } rebuilt)
            {
                // The database's own rebuild of the ledger (one query) must agree with the replay too.
                differences.AddRange(await PostgresPortfolioQuery.DifferencesAsync(runtime.Services.GetRequiredService<NpgsqlDataSource>(), rebuilt, result.LedgerRecords, ct));
            }

            if (differences.Count == 0 && result.IsConsistent)
            {
                var p = result.Rebuilt!;
                context.Console.MarkupLineInterpolated(
                    $"[green]OK[/]: {result.LedgerRecords} ledger records; cash {CliFormat.Usdc(p.Cash.Value)}, {p.Positions.Count} open positions, realized P&L {CliFormat.Usdc(p.RealizedPnl.Value)}; {(runtime.Settings.IsPostgres ? "the stored portfolio and the database's own rebuild agree" : "portfolio.json agrees")}.");
                return 0;
            }

            foreach (var difference in differences)
            {
                await context.Error.WriteLineAsync("difference: " + difference);
            }

            await context.Error.WriteLineAsync($"error: the portfolio does not match the ledger ({differences.Count} differences in {result.LedgerRecords} records).");
            return 1;
        });
        return command;
    }
}
