using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Prescient.Domain.Positions;
using Prescient.Engine.Positions;
using Prescient.Engine.Storage;
using Prescient.Host.Hosting;
using Spectre.Console;

namespace Prescient.Cli.Commands;

/// <summary><c>prescient positions</c>: the open positions, their marks and the portfolio totals.</summary>
internal static class PositionsCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("positions", "Show open positions with their marks, and cash, equity and P&L (from trades/portfolio.json).");
        command.SetAction(async (parse, ct) =>
        {
            await using var runtime = await PrescientRuntime.StartAsync(context.Options.BuildConfiguration(parse), CliContext.ConfigureLogging, ct, market: MarketUse.None);
            var snapshot = await runtime.Services.GetRequiredService<PortfolioService>().CurrentAsync(ct);
            Render(context.Console, snapshot);
            return 0;
        });
        return command;
    }

    /// <summary>The portfolio's totals as rows of a two-column table.</summary>
    public static void AddTotals(Table table, PortfolioSnapshot p)
    {
        table.AddRow("Cash", CliFormat.Usdc(p.Cash));
        table.AddRow("Open positions", CliFormat.Count(p.Positions.Count));
        table.AddRow("Positions value", CliFormat.Usdc(p.PositionsValue));
        table.AddRow("Equity", CliFormat.Usdc(p.Equity));
        table.AddRow("Realized P&L", CliFormat.Usdc(p.RealizedPnl));
        table.AddRow("Unrealized P&L", CliFormat.Usdc(p.UnrealizedPnl));
        table.AddRow("Exposure", CliFormat.Usdc(p.Exposure));
        table.AddRow("Fees paid", CliFormat.Usdc(p.FeesPaid));
    }

    /// <summary>Where the mark came from; a fallback in yellow, with the refusal that made it one and the lookup problem, when there is one.</summary>
    private static string MarkFrom(PositionSnapshot p)
    {
        var text = p.MarkSource == MarkSource.BestBid ? "best bid" : $"[yellow]{CliFormat.Code(p.MarkSource)} (fallback)[/]";
        if (p.MarkFlag is { } flag)
        {
            text += $" [red]{Markup.Escape(flag)}[/]";
        }

        if (p.LookupProblem is not null)
        {
            text += " [red]not looked up[/]";
        }

        return text;
    }

    private static void Render(IAnsiConsole console, PortfolioSnapshot snapshot)
    {
        var table = new Table().Title(CliFormat.Title("Open positions", snapshot.Source))
            .AddColumn("Market").AddColumn("Question").AddColumn("Outcome")
            .AddColumn(new TableColumn("Shares").RightAligned()).AddColumn(new TableColumn("Entry").RightAligned())
            .AddColumn(new TableColumn("Mark").RightAligned()).AddColumn("Mark from")
            .AddColumn(new TableColumn("Value").RightAligned()).AddColumn(new TableColumn("Unrealized").RightAligned());
        foreach (var p in snapshot.Positions)
        {
            table.AddRow(
                Markup.Escape(p.MarketId.Value),
                Markup.Escape(CliFormat.Clip(p.Question, 40)),
                Markup.Escape(p.Outcome ?? string.Empty),
                CliFormat.Shares(p.Shares),
                CliFormat.Price(p.AverageEntryPrice),
                CliFormat.Price(p.Mark),
                MarkFrom(p),
                CliFormat.Usdc(p.MarketValue),
                CliFormat.Usdc(p.UnrealizedPnl));
        }

        console.Write(table);
        var totals = new Table().AddColumn("Portfolio").AddColumn(new TableColumn("USDC").RightAligned());
        AddTotals(totals, snapshot);
        console.Write(totals);
        console.MarkupLineInterpolated($"As of {snapshot.GeneratedAt:yyyy-MM-dd HH:mm:ss} UTC, {snapshot.TradeCount} ledger records.");
    }
}
