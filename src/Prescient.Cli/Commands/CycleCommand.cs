using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Prescient.Engine.Cycle;
using Prescient.Engine.Refresh;
using Prescient.Bus.Redis;
using Prescient.Host.Hosting;
using Prescient.Host.Workers;
using Spectre.Console;

namespace Prescient.Cli.Commands;

/// <summary><c>prescient cycle</c>: the morning run — refresh, signals, execute (settle, fill, mark), every CSV.</summary>
internal static class CycleCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command(
            "cycle",
            "The full cycle: refresh events and quotes, generate signals, settle and execute on paper, mark positions, regenerate every CSV. Safe to re-run: a signal is never traded twice.");
        command.SetAction(async (parse, ct) =>
        {
            var configuration = context.Options.BuildConfiguration(parse);
            if (configuration["Bus:Kind"] == "redis")
            {
                return await QueueAsync(context, configuration);
            }

            await using var runtime = await PrescientRuntime.StartAsync(configuration, CliContext.ConfigureLogging, ct);
            var cycle = runtime.Services.GetRequiredService<CycleService>();
            var result = await RunWithProgressAsync(context.Console, cycle, ct);
            Render(context.Console, runtime.Settings, result);
            return 0;
        });
        return command;
    }

    /// <summary>With <c>--bus redis</c>: the cycle is queued for the workers (its stages run there), not run here.</summary>
    private static async Task<int> QueueAsync(CliContext context, Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        var address = configuration["Bus:Redis"] is { Length: > 0 } redis ? redis : throw new SettingsException("--bus redis needs --redis host:port (e.g. 127.0.0.1:56379).");
        using var connection = WorkerServices.Connect(address);
        var bus = new RedisBus(connection);
        await bus.EnsureGroupsAsync();
        var cycle = $"{TimeProvider.System.GetUtcNow():yyyyMMddTHHmmssfff}-{Guid.NewGuid().ToString("N")[..8]}";
        var id = await bus.PublishAsync(BusStreams.CycleRequested, cycle, string.Empty);
        context.Console.MarkupLineInterpolated($"Cycle [bold]{cycle}[/] queued on {address} ({id}): `prescient worker`s run its stages; `prescient status --bus redis --redis {address}` shows them.");
        return 0;
    }

    private static Task<CycleResult> RunWithProgressAsync(IAnsiConsole console, CycleService cycle, CancellationToken ct) =>
        StagedProgress.RunAsync(
            console,
            [
                .. StagedProgress.RefreshSteps,
                new("write", "Writing market files"),
                new("signals", "Generating signals"),
                new("execute", "Settling and executing on paper"),
                new("export", "Exporting CSVs"),
            ],
            progress => cycle.RunAsync(progress, ct));

    private static void Render(IAnsiConsole console, PrescientSettings settings, CycleResult r)
    {
        var table = new Table().Title(CliFormat.Title("Cycle", r.Source))
            .AddColumn("What").AddColumn(new TableColumn("Value").RightAligned());
        table.AddRow("Events discovered", CliFormat.Count(r.EventsDiscovered));
        table.AddRow("Events kept by the filters", CliFormat.Count(r.EventsKept));
        table.AddRow("Markets extracted", CliFormat.Count(r.Markets));
        table.AddRow("Tokens quoted", CliFormat.Count(r.TokensQuoted));
        table.AddRow("  with a book", CliFormat.Count(r.TokensWithBook));
        table.AddRow("Signals", CliFormat.Count(r.Signals));
        table.AddRow("Trades made", CliFormat.Count(r.Trades));
        if (r.Exits > 0)
        {
            table.AddRow("Exits sold", CliFormat.Count(r.Exits));
        }

        table.AddRow("Settlements", CliFormat.Count(r.Settlements));
        table.AddRow("Held markets awaiting resolution", CliFormat.Count(r.PendingSettlements - r.LookupFailures));
        if (r.LookupFailures > 0)
        {
            table.AddRow("[yellow]Held markets not looked up[/]", $"[yellow]{CliFormat.Count(r.LookupFailures)}[/]");
        }

        table.AddRow("Signals rejected", CliFormat.Count(r.Rejections));
        foreach (var (reason, count) in r.RejectionsByReason.OrderByDescending(x => x.Value))
        {
            table.AddRow($"  {CliFormat.Code(reason)}", CliFormat.Count(count));
        }

        table.AddRow("Cash", CliFormat.Usdc(r.Cash));
        table.AddRow("Positions value", CliFormat.Usdc(r.PositionsValue));
        table.AddRow("Equity", CliFormat.Usdc(r.Equity));
        table.AddRow("Realized P&L", CliFormat.Usdc(r.RealizedPnl));
        table.AddRow("Unrealized P&L", CliFormat.Usdc(r.UnrealizedPnl));
        table.AddRow("Open positions", CliFormat.Count(r.OpenPositions));
        table.AddRow("Files written", CliFormat.Count(r.Files.Count));
        table.AddRow("Duration", r.Duration.TotalSeconds.ToString("0.00 s", CultureInfo.InvariantCulture));
        console.Write(table);
        console.MarkupLineInterpolated($"Data written to [bold]{settings.DataDirectory}[/]; spreadsheets in [bold]{Path.Combine(settings.DataDirectory, "exports")}[/]");
    }
}
