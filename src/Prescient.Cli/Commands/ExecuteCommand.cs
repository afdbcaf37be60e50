using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Prescient.Engine.Trading;
using Prescient.Host.Hosting;
using Spectre.Console;

namespace Prescient.Cli.Commands;

/// <summary><c>prescient execute</c>: settle resolved held markets, then fill the current signals on paper.</summary>
internal static class ExecuteCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("execute", "Settle resolved held markets, then fill every current signal on paper against a fresh order book; append the ledger and rewrite the portfolio.");
        command.SetAction(async (parse, ct) =>
        {
            await using var runtime = await PrescientRuntime.StartAsync(context.Options.BuildConfiguration(parse), CliContext.ConfigureLogging, ct);
            var result = await runtime.Services.GetRequiredService<ExecutionService>().ExecuteAsync(ct);
            Render(context.Console, result);
            return 0;
        });
        return command;
    }

    private static void Render(IAnsiConsole console, ExecutionResult result)
    {
        if (result.Settlements.Count > 0 || result.Exits.Count > 0 || result.Trades.Count > 0)
        {
            var table = new Table().Title(CliFormat.Title("Paper trades", result.Source))
                .AddColumn("Trade").AddColumn("Kind").AddColumn("Question")
                .AddColumn(new TableColumn("Shares").RightAligned()).AddColumn(new TableColumn("Price").RightAligned())
                .AddColumn(new TableColumn("Cost").RightAligned()).AddColumn(new TableColumn("Fees").RightAligned())
                .AddColumn(new TableColumn("Slippage").RightAligned()).AddColumn(new TableColumn("Realized").RightAligned());
            foreach (var t in result.Settlements.Concat(result.Exits).Concat(result.Trades))
            {
                table.AddRow(
                    t.TradeId.Value,
                    CliFormat.Code(t.Kind),
                    Markup.Escape(CliFormat.Clip(t.Question, 40)),
                    CliFormat.Shares(t.Shares.Value),
                    CliFormat.Price(t.Price.Value),
                    CliFormat.Usdc(t.Cost.Value),
                    CliFormat.Usdc(t.Fees.Value),
                    CliFormat.Price(t.Slippage?.Value),
                    t.RealizedPnl is { } pnl ? CliFormat.Usdc(pnl.Value) : "—");
            }

            console.Write(table);
        }

        var summary = new Table().Title(CliFormat.Title("Execution", result.Source)).AddColumn("What").AddColumn(new TableColumn("Value").RightAligned());
        summary.AddRow("Settlements", CliFormat.Count(result.Settlements.Count));
        summary.AddRow("Held markets awaiting resolution", CliFormat.Count(result.Pending.Count - result.LookupFailures));
        if (result.LookupFailures > 0)
        {
            summary.AddRow("[yellow]Held markets not looked up[/]", $"[yellow]{CliFormat.Count(result.LookupFailures)}[/]");
        }

        if (result.Exits.Count > 0)
        {
            summary.AddRow("Exits sold", CliFormat.Count(result.Exits.Count));
        }

        summary.AddRow("Trades", CliFormat.Count(result.Trades.Count));
        summary.AddRow("Signals rejected", CliFormat.Count(result.Rejections.Count));
        foreach (var (reason, count) in result.RejectionsByReason.OrderByDescending(r => r.Value))
        {
            summary.AddRow($"  {CliFormat.Code(reason)}", CliFormat.Count(count));
        }

        PositionsCommand.AddTotals(summary, result.Portfolio);
        console.Write(summary);
    }
}
