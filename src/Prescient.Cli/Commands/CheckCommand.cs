using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Prescient.Engine.Positions;
using Prescient.Host.Hosting;
using Spectre.Console;

namespace Prescient.Cli.Commands;

/// <summary><c>prescient check</c>: rebuild the portfolio from the ledger alone and report every difference; exit 1 on any.</summary>
internal static class CheckCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("check", "Rebuild the portfolio from trades/paper_trades.json (no network) and compare it with trades/portfolio.json; non-zero exit on any difference.");
        command.SetAction(async (parse, ct) =>
        {
            await using var runtime = await PrescientRuntime.StartAsync(context.Options.BuildConfiguration(parse), CliContext.ConfigureLogging, ct);
            var result = await runtime.Services.GetRequiredService<PortfolioService>().CheckAsync(ct);
            if (result.IsConsistent)
            {
                var p = result.Rebuilt!;
                context.Console.MarkupLineInterpolated(
                    $"[green]OK[/]: {result.LedgerRecords} ledger records; cash {CliFormat.Usdc(p.Cash)}, {p.Positions.Count} open positions, realized P&L {CliFormat.Usdc(p.RealizedPnl)}; portfolio.json agrees.");
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
