using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Prescient.Engine.Exports;
using Prescient.Host.Hosting;
using Spectre.Console;

namespace Prescient.Cli.Commands;

/// <summary><c>prescient export</c>: regenerate every CSV from the JSON files alone; lists what was written and what was skipped, and why.</summary>
internal static class ExportCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("export", "Regenerate the eight CSVs of exports/ from the JSON files alone (no network); list the files written and the ones skipped with the step that writes their source.");
        command.SetAction(async (parse, ct) =>
        {
            await using var runtime = await PrescientRuntime.StartAsync(context.Options.BuildConfiguration(parse), CliContext.ConfigureLogging, ct, market: MarketUse.None);
            var result = await runtime.Services.GetRequiredService<ExportService>().ExportAllAsync(ct);
            var table = new Table().Title(CliFormat.Title("CSV exports", runtime.Backend.Info)).AddColumn("Export").AddColumn("Result");
            foreach (var file in result.Files)
            {
                table.AddRow(Markup.Escape(Path.GetFileName(file)), "[green]written[/]");
            }

            foreach (var (name, reason) in result.Skipped)
            {
                table.AddRow(Markup.Escape(name + ".csv"), $"[yellow]skipped[/]: {Markup.Escape(NextStep.Describe(reason))}");
            }

            context.Console.Write(table);
            var folder = result.Files.Count > 0 ? Path.GetDirectoryName(result.Files[0]) : null;
            context.Console.MarkupLineInterpolated($"{result.Files.Count} files written{(folder is null ? string.Empty : " to " + folder)}, {result.Skipped.Count} skipped.");
            return 0;
        });
        return command;
    }
}
