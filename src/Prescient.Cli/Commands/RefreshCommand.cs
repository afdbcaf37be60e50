using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Prescient.Engine.Refresh;
using Prescient.Host.Hosting;
using Spectre.Console;

namespace Prescient.Cli.Commands;

/// <summary><c>prescient refresh</c>: Phase 0 and 1 in one go — discover, filter, extract, quote, write, export.</summary>
internal static class RefreshCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("refresh", "Discover and filter events, extract markets, fetch order books, write every JSON file and CSV export.");
        command.SetAction(async (parse, ct) =>
        {
            await using var runtime = await PrescientRuntime.StartAsync(context.Options.BuildConfiguration(parse), CliContext.ConfigureLogging, ct);
            var refresh = runtime.Services.GetRequiredService<RefreshService>();
            var result = await RunWithProgressAsync(context.Console, refresh, ct);
            Render(context.Console, runtime.Settings, result);
            return 0;
        });
        return command;
    }

    private static Task<RefreshResult> RunWithProgressAsync(IAnsiConsole console, RefreshService refresh, CancellationToken ct) =>
        StagedProgress.RunAsync(
            console,
            [.. StagedProgress.RefreshSteps, new("write", "Writing files")],
            progress => refresh.RefreshAsync(progress, ct));

    private static void Render(IAnsiConsole console, PrescientSettings settings, RefreshResult result)
    {
        var e = result.Events;
        var q = result.Quotes;
        var table = new Table().Title(CliFormat.Title("Refresh", e.Source))
            .AddColumn("What").AddColumn(new TableColumn("Count").RightAligned());
        table.AddRow("Events discovered", CliFormat.Count(e.EventsDiscovered));
        table.AddRow("Events kept by the filters", CliFormat.Count(e.EventsKept));
        foreach (var (reason, count) in e.EventsDropped.OrderByDescending(d => d.Value))
        {
            table.AddRow($"  dropped: {reason}", CliFormat.Count(count));
        }

        table.AddRow("Markets extracted", CliFormat.Count(e.MarketsExtracted));
        table.AddRow("Markets accepting orders", CliFormat.Count(e.MarketsOpen));
        table.AddRow("Tokens quoted", CliFormat.Count(q.Tokens));
        table.AddRow("  with a book", CliFormat.Count(q.TokensWithBook));
        table.AddRow("  without a book", CliFormat.Count(q.TokensWithoutBook));
        table.AddRow("Daily prices file", q.DailyPricesWritten ? "written" : "already there");
        table.AddRow("Duration", result.Duration.TotalSeconds.ToString("0.00 s", CultureInfo.InvariantCulture));
        console.Write(table);
        console.MarkupLineInterpolated($"Data written to [bold]{settings.DataDirectory}[/]");
    }


}
