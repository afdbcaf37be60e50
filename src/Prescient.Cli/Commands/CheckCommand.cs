using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Prescient.Engine.Positions;
using Prescient.Host.Hosting;
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

            if (result.IsConsistent)
            {
                var p = result.Rebuilt!;
                context.Console.MarkupLineInterpolated(
                    $"[green]OK[/]: {result.LedgerRecords} ledger records; cash {CliFormat.Usdc(p.Cash.Value)}, {p.Positions.Count} open positions, realized P&L {CliFormat.Usdc(p.RealizedPnl.Value)}; portfolio.json agrees.");
                return 0;
            }

            foreach (var difference in result.Differences)
            {
                await context.Error.WriteLineAsync("difference: " + difference);
            }

            await context.Error.WriteLineAsync($"error: the portfolio does not match the ledger ({result.Differences.Count} differences in {result.LedgerRecords} records).");
            return 1;
        });
        return command;
    }
}
