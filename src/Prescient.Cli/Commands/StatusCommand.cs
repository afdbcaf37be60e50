using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Prescient.Engine.Runs;
using Prescient.Engine.Settlement;
using Prescient.Engine.Status;
using Prescient.Host.Hosting;
using Prescient.Bus.Redis;
using Spectre.Console;

namespace Prescient.Cli.Commands;

/// <summary><c>prescient status</c>: last and next runs, the portfolio in brief, how fresh the data is.</summary>
internal static class StatusCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("status", "Show the last cycle and end of day, the next scheduled runs, equity and P&L, open positions, and the age of each state file.");
        command.SetAction(async (parse, ct) =>
        {
            await using var runtime = await PrescientRuntime.StartAsync(context.Options.BuildConfiguration(parse), CliContext.ConfigureLogging, ct, market: MarketUse.None);
            var status = await runtime.Services.GetRequiredService<StatusService>().GetAsync(ct);
            Render(context.Console, status);
            if (runtime.Services.GetService<RedisBus>() is { } bus)
            {
                RenderBus(context.Console, await bus.StatusAsync());
            }

            return 0;
        });
        return command;
    }

    private static void Render(IAnsiConsole console, TradingStatus status)
    {
        var schedule = status.Schedule;
        var runs = new Table().Title(CliFormat.Title("Runs", status.Source)).AddColumn("Run").AddColumn("When, result");
        AddRun(runs, "cycle", RunKinds.Cycle, status.LastCycle, schedule);
        AddRun(runs, "end of day", RunKinds.EndOfDay, status.LastEndOfDay, schedule);
        runs.AddRow("Scheduler", Markup.Escape(
            !schedule.Enabled ? "disabled (Schedule:Enabled)"
            : schedule.Active ? "running in this process"
            : "runs while `prescient serve` runs"));
        console.Write(runs);

        var p = status.Portfolio;
        var portfolio = new Table().Title("Portfolio").AddColumn("What").AddColumn(new TableColumn("Value").RightAligned());
        portfolio.AddRow("Equity", CliFormat.Usdc(p.Equity));
        portfolio.AddRow("Cash", CliFormat.Usdc(p.Cash));
        portfolio.AddRow("Positions value", CliFormat.Usdc(p.PositionsValue));
        portfolio.AddRow("P&L since start", CliFormat.Usdc(p.TotalPnl));
        portfolio.AddRow("  realized", CliFormat.Usdc(p.RealizedPnl));
        portfolio.AddRow("  unrealized", CliFormat.Usdc(p.UnrealizedPnl));
        portfolio.AddRow("Open positions", CliFormat.Count(p.OpenPositions));
        if (p.HeldMarketsNotLookedUp > 0)
        {
            portfolio.AddRow("[yellow]Not looked up[/]", $"[yellow]{Markup.Escape(SettlementText.LookupFailures(p.HeldMarketsNotLookedUp))}[/]");
        }

        portfolio.AddRow("Ledger records", CliFormat.Count(p.TradeCount));
        console.Write(portfolio);

        var data = new Table().Title("Data freshness").AddColumn("File").AddColumn("Generated (UTC)").AddColumn(new TableColumn("Age").RightAligned()).AddColumn("Source");
        foreach (var file in status.Data)
        {
            data.AddRow(
                Markup.Escape(file.File),
                file.Problem is { } problem ? $"[red]{Markup.Escape(CliFormat.Clip(problem, 60))}[/]" : When(file.GeneratedAt) ?? "not yet written",
                file.Age is { } age ? Age(age) : "—",
                Markup.Escape(file.Source ?? "—"));
        }

        console.Write(data);
    }

    /// <summary>With <c>--bus redis</c>: each stage's unread and unfinished messages and its workers, and the dead letters.</summary>
    private static void RenderBus(IAnsiConsole console, BusStatus bus)
    {
        var table = new Table().Title("Work bus (Redis Streams)")
            .AddColumn("Stage").AddColumn(new TableColumn("Waiting").RightAligned()).AddColumn(new TableColumn("In progress").RightAligned());
        foreach (var stage in bus.Stages)
        {
            table.AddRow(stage.Stream.Replace("prescient:", string.Empty, StringComparison.Ordinal), CliFormat.Count((int)stage.Lag), CliFormat.Count((int)stage.Pending));
        }

        table.AddRow(bus.DeadLetters > 0 ? "[red]Dead letters[/]" : "Dead letters", bus.DeadLetters > 0 ? $"[red]{CliFormat.Count((int)bus.DeadLetters)}[/]" : "0", string.Empty);
        console.Write(table);
        var workers = new Table().Title($"Workers alive ({bus.Workers.Count})")
            .AddColumn("Worker").AddColumn("Role").AddColumn(new TableColumn("Handled").RightAligned()).AddColumn(new TableColumn("Failed").RightAligned());
        foreach (var worker in bus.Workers)
        {
            workers.AddRow(Markup.Escape(worker.Name), worker.Role, CliFormat.Count((int)worker.Handled), CliFormat.Count((int)worker.Failed));
        }

        console.Write(workers);
    }

    private static void AddRun(Table table, string label, string kind, RunRecord? last, ScheduleStatus schedule)
    {
        if (last is null)
        {
            table.AddRow($"Last {label}", "never");
        }
        else
        {
            var result = last.Succeeded ? "[green]ok[/]" : "[red]failed[/]";
            table.AddRow($"Last {label}", $"{When(last.FinishedAt)} UTC, {result}");
            table.AddRow(string.Empty, Markup.Escape(last.Summary));
        }

        var next = schedule.Next.FirstOrDefault(n => n.Kind == kind);
        table.AddRow(
            $"Next {label}",
            next is null ? "not scheduled" : next.At is { } at ? $"{InZone(at, schedule.TimeZone)} ({Markup.Escape(next.Cron)})" : "none");
    }

    private static string? When(DateTimeOffset? at) =>
        at?.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A scheduled time as the cron reads it: in the schedule's time zone, named.</summary>
    private static string InZone(DateTimeOffset at, string timeZone)
    {
        var local = TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById(timeZone));
        return Markup.Escape($"{local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} {timeZone}");
    }

    private static string Age(TimeSpan age) =>
        age.TotalDays >= 1 ? $"{(int)age.TotalDays} d {age.Hours} h"
        : age.TotalHours >= 1 ? $"{(int)age.TotalHours} h {age.Minutes} min"
        : $"{(int)age.TotalMinutes} min";
}
