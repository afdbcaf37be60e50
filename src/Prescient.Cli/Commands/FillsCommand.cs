using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Prescient.Engine.Trading.Audit;
using Prescient.Host.Hosting;
using Spectre.Console;

namespace Prescient.Cli.Commands;

/// <summary><c>prescient fills audit [--window MIN] [--last N]</c>: paper fills against the real prints that followed them.</summary>
internal static class FillsCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("fills", "Paper fills held against the real market.");
        command.Subcommands.Add(Audit(context));
        return command;
    }

    private static Command Audit(CliContext context)
    {
        var window = new Option<int>("--window") { Description = "Minutes after each fill to look at the prints (default 30).", DefaultValueFactory = _ => 30 };
        var last = new Option<int>("--last") { Description = "Audit only the last N buys and sells of the ledger (default 0: all).", DefaultValueFactory = _ => 0 };
        var command = new Command(
            "audit",
            "Hold each paper buy and sell against the real trades of its token (Data API /trades) in the minutes after it: the volume that traded at or better than the fill price, and the gap between the book walk and the prints; per market and overall, into reports/fills_audit.json and exports/fills_audit.csv.")
        {
            window, last,
        };
        command.SetAction(async (parse, ct) =>
        {
            if (parse.GetValue(window) is < 1 or > 10_080)
            {
                throw new SettingsException("--window must be between 1 and 10080 minutes.");
            }

            if (parse.GetValue(last) < 0)
            {
                throw new SettingsException("--last must be 0 (all) or a positive number of fills.");
            }

            await using var runtime = await PrescientRuntime.StartAsync(context.Options.BuildConfiguration(parse), CliContext.ConfigureLogging, ct);
            var service = runtime.Services.GetRequiredService<FillsAuditService>();
            var (audit, files) = await RunWithProgressAsync(context.Console, service, TimeSpan.FromMinutes(parse.GetValue(window)), parse.GetValue(last), ct);
            Render(context.Console, audit, runtime.Backend.Info);
            foreach (var file in files)
            {
                context.Console.MarkupLineInterpolated($"Written: {file}");
            }

            return 0;
        });
        return command;
    }

    private static Task<(FillsAudit, IReadOnlyList<string>)> RunWithProgressAsync(IAnsiConsole console, FillsAuditService service, TimeSpan window, int last, CancellationToken ct) =>
        !console.Profile.Capabilities.Interactive
            ? service.AuditAsync(window, last, null, ct)
            : console.Progress()
                .AutoClear(true)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new SpinnerColumn())
                .StartAsync(async ctx =>
                {
                    var task = ctx.AddTask("Reading the trade tape", maxValue: 1);
                    var progress = new Progress<(int Done, int Total)>(p =>
                    {
                        task.MaxValue = Math.Max(1, p.Total);
                        task.Value = p.Done;
                        task.Description = FormattableString.Invariant($"Reading the trade tape: market {p.Done:N0}/{p.Total:N0}");
                    });
                    return await service.AuditAsync(window, last, progress, ct);
                });

    private static void Render(IAnsiConsole console, FillsAudit audit, Engine.Markets.MarketSourceInfo source)
    {
        var table = new Table().Title(CliFormat.Title($"Fills audit, {(int)audit.Window.TotalMinutes} minutes after each fill", source))
            .AddColumn("Market").AddColumn("Question")
            .AddColumn(new TableColumn("Fills").RightAligned()).AddColumn(new TableColumn("With prints").RightAligned())
            .AddColumn(new TableColumn("Shares").RightAligned()).AddColumn(new TableColumn("Covered").RightAligned())
            .AddColumn(new TableColumn("Gap/share").RightAligned()).AddColumn(new TableColumn("Gap USDC").RightAligned());
        foreach (var s in audit.Markets.Append(audit.Overall))
        {
            table.AddRow(
                s.MarketId?.Value ?? "[bold]all[/]",
                Markup.Escape(CliFormat.Clip(s.Question, 36)),
                s.Fills.ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
                s.FillsWithPrints.ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
                CliFormat.Shares(s.Shares),
                (s.Coverage * 100m).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "%",
                s.GapPerShare is { } g ? CliFormat.Price(g) : "—",
                CliFormat.Usdc(s.GapUsdc));
        }

        console.Write(table);
        console.MarkupLine("Covered: the share of each fill that real prints at or better than its price could have filled in the window. Gap: fill price against the prints' VWAP (buys: fill − VWAP; positive = paper paid more).");
        foreach (var (market, reason) in audit.Unread)
        {
            console.MarkupLineInterpolated($"[yellow]Market {market.Value}: trade tape not read ({reason})[/]");
        }
    }
}
