using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Prescient.Engine.History;
using Prescient.Host.Hosting;
using Spectre.Console;

namespace Prescient.Cli.Commands;

/// <summary><c>prescient end-of-day</c>: close the day (in <c>Schedule:TimeZone</c>, UTC by default) once; a second run the same day says so and exits 0.</summary>
internal static class EndOfDayCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command(
            "end-of-day",
            "Close the day (the date in Schedule:TimeZone, UTC by default): settle held markets that resolved, mark the rest at fresh books, append one snapshot to history/portfolio_history.json, archive the day's signals, write the day's daily prices if missing, regenerate every CSV. Once per day; a second run writes nothing.");
        command.SetAction(async (parse, ct) =>
        {
            await using var runtime = await PrescientRuntime.StartAsync(context.Options.BuildConfiguration(parse), CliContext.ConfigureLogging, ct);
            var result = await runtime.Services.GetRequiredService<EndOfDayService>().RunAsync(ct);
            Render(context.Console, result, runtime.Backend.Info);
            return 0;
        });
        return command;
    }

    private static void Render(IAnsiConsole console, EndOfDayResult result, Engine.Markets.MarketSourceInfo source)
    {
        var day = result.Snapshot;
        var table = new Table().Title(CliFormat.Title($"End of day {result.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}", source))
            .AddColumn("What").AddColumn(new TableColumn("Value").RightAligned());
        table.AddRow("Recorded at (UTC)", day.RecordedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
        table.AddRow("Cash", CliFormat.Usdc(day.Cash));
        table.AddRow("Positions value", CliFormat.Usdc(day.PositionsValue));
        table.AddRow("Equity", CliFormat.Usdc(day.Equity));
        table.AddRow("Realized P&L", CliFormat.Usdc(day.RealizedPnl));
        table.AddRow("Unrealized P&L", CliFormat.Usdc(day.UnrealizedPnl));
        table.AddRow("Open positions", CliFormat.Count(day.OpenPositions));
        table.AddRow("Ledger records", CliFormat.Count(day.TradeCount));
        if (!result.AlreadyRecorded)
        {
            table.AddRow("Settlements", CliFormat.Count(result.Settlements.Count));
            table.AddRow("Held markets awaiting resolution", CliFormat.Count(result.Pending.Count - result.LookupFailures));
            if (result.LookupFailures > 0)
            {
                table.AddRow("[yellow]Held markets not looked up[/]", $"[yellow]{CliFormat.Count(result.LookupFailures)}[/]");
            }

            table.AddRow("Signals archived", CliFormat.Count(result.SignalsArchived));
            table.AddRow("Daily prices", result.DailyPricesWritten ? "written" : "already there or no quotes from today");
            table.AddRow("Files written", CliFormat.Count(result.FilesWritten.Count));
        }

        console.Write(table);
        console.WriteLine(result.Message);
    }
}
