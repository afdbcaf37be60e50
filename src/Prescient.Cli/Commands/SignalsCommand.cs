using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Prescient.Engine.Signals;
using Prescient.Host.Hosting;
using Spectre.Console;

namespace Prescient.Cli.Commands;

/// <summary><c>prescient signals</c>: Phase 2 — run the strategy over the stored markets and quotes and show the signals.</summary>
internal static class SignalsCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("signals", "Run the strategy over the last refresh: write current_signals.json and signals_current.csv, show signals and why markets were skipped.");
        command.SetAction(async (parse, ct) =>
        {
            await using var runtime = await PrescientRuntime.StartAsync(context.Options.BuildConfiguration(parse), CliContext.ConfigureLogging, ct);
            var result = await runtime.Services.GetRequiredService<SignalService>().GenerateAsync(ct);
            Render(context.Console, result.Snapshot);
            return 0;
        });
        return command;
    }

    private static void Render(IAnsiConsole console, Engine.Storage.SignalsSnapshot snapshot)
    {
        var table = new Table().Title(CliFormat.Title($"Signals ({snapshot.Strategy})", snapshot.Source))
            .AddColumn("Signal").AddColumn("Question").AddColumn("Action")
            .AddColumn(new TableColumn("YES").RightAligned()).AddColumn(new TableColumn("Ask").RightAligned())
            .AddColumn(new TableColumn("Limit").RightAligned()).AddColumn(new TableColumn("Conf.").RightAligned())
            .AddColumn(new TableColumn("Stake").RightAligned());
        foreach (var s in snapshot.Signals)
        {
            table.AddRow(
                Markup.Escape(s.SignalId.Value),
                Markup.Escape(CliFormat.Clip(s.Question)),
                CliFormat.Code(s.Action),
                CliFormat.Price(s.YesPrice.Value),
                CliFormat.Price(s.Price.Value),
                CliFormat.Price(s.LimitPrice.Value),
                CliFormat.Price(s.Confidence),
                CliFormat.Usdc(s.Stake.Value));
        }

        console.Write(table);
        var skipped = new Table().Title("Markets considered and skipped").AddColumn("Reason").AddColumn(new TableColumn("Markets").RightAligned());
        foreach (var group in snapshot.Skipped.GroupBy(s => s.Reason).OrderByDescending(g => g.Count()))
        {
            skipped.AddRow(CliFormat.Code(group.Key), CliFormat.Count(group.Count()));
        }

        console.Write(skipped);
        console.MarkupLineInterpolated($"{snapshot.Signals.Count} signals; {snapshot.Skipped.Count} markets skipped (reasons in trades/current_signals.json).");
    }
}
