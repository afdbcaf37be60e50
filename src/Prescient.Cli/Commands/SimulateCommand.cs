using System.CommandLine;
using System.Globalization;
using Prescient.Engine.Performance;
using Prescient.Host.Hosting;
using Prescient.Host.Simulation;
using Spectre.Console;

namespace Prescient.Cli.Commands;

/// <summary><c>prescient simulate --days N [--seed S]</c>: N simulated days on the sample market in a fresh data folder, then a performance table.</summary>
internal static class SimulateCommand
{
    public static Command Create(CliContext context)
    {
        var days = new Option<int>("--days") { Description = "Simulated days to run (1 to 3650; default 30).", DefaultValueFactory = _ => 30 };
        var seed = new Option<int?>("--seed") { Description = "Seed of the sample market (default 42): the same seed gives the same trades and final equity." };
        var start = new Option<string>("--start") { Description = "First simulated day, YYYY-MM-DD (default 2026-01-05)." };
        var scenarios = new Option<bool>("--all-scenarios") { Description = "Turn on every sample-market scenario (markets without events, thin best levels, ghost books, midday resolutions)." };
        var record = new Option<bool>("--record") { Description = "Also write what each day saw of the market (markets/tape_YYYY-MM-DD.json), for `backtest --fills recorded`." };
        var command = new Command("simulate", "Run N simulated days on the sample market (morning cycle, prices move, markets resolve, end of day) in a fresh data folder, and show the performance.")
        {
            days, seed, start, scenarios, record,
        };
        command.SetAction(async (parse, ct) =>
        {
            var options = new SimulationOptions { Days = parse.GetValue(days), Start = StartDate(parse.GetValue(start)), Record = parse.GetValue(record) };
            var extra = new Dictionary<string, string?>();
            if (parse.GetValue(seed) is { } s)
            {
                extra["Sample:Seed"] = s.ToString(CultureInfo.InvariantCulture);
            }

            if (parse.GetValue(scenarios))
            {
                foreach (var name in new[] { "MarketsWithoutEvents", "ThinBestLevels", "GhostBooks", "MiddayResolutions" })
                {
                    extra["Sample:Scenarios:" + name] = "true";
                }
            }

            var configuration = context.Options.BuildConfiguration(parse, extra);
            var result = await RunWithProgressAsync(context.Console, configuration, options, ct);
            Render(context.Console, result);
            return 0;
        });
        return command;
    }

    private static DateOnly StartDate(string? text) =>
        text is null ? new SimulationOptions().Start
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
        : throw new SettingsException($"--start must be a date as YYYY-MM-DD, not '{text}'.");

    private static Task<SimulationResult> RunWithProgressAsync(IAnsiConsole console, Microsoft.Extensions.Configuration.IConfiguration configuration, SimulationOptions options, CancellationToken ct) =>
        !console.Profile.Capabilities.Interactive
            ? SimulationRunner.RunAsync(configuration, options, CliContext.ConfigureLogging, null, ct)
            : console.Progress()
                .AutoClear(true)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                .StartAsync(async ctx =>
                {
                    var task = ctx.AddTask("Simulating", maxValue: options.Days);
                    var progress = new Engine.Refresh.ForwardingProgress<SimulationProgress>(p =>
                    {
                        task.Value = p.Day;
                        task.Description = FormattableString.Invariant($"Day {p.Day}/{p.Days} {p.Date:yyyy-MM-dd}: equity {CliFormat.Usdc(p.Equity)}, {p.Trades} trades, {p.Settlements} settled");
                    });
                    return await SimulationRunner.RunAsync(configuration, options, CliContext.ConfigureLogging, progress, ct);
                });

    private static void Render(IAnsiConsole console, SimulationResult result)
    {
        var days = result.Performance.Days;
        var table = new Table().Title($"Simulated performance — [yellow]SIMULATED sample market[/], seed {result.Seed}")
            .AddColumn("Date").AddColumn(new TableColumn("Equity").RightAligned()).AddColumn(new TableColumn("Daily").RightAligned())
            .AddColumn(new TableColumn("Cumulative").RightAligned()).AddColumn(new TableColumn("Drawdown").RightAligned())
            .AddColumn(new TableColumn("Trades").RightAligned()).AddColumn(new TableColumn("Open").RightAligned());
        var shown = days.Count <= 31 ? days : days.Where((_, i) => i % (days.Count / 30 + 1) == 0 || i == days.Count - 1).ToArray();
        foreach (var d in shown)
        {
            table.AddRow(
                d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                CliFormat.Usdc(d.Equity),
                Percent(d.DailyReturn),
                Percent(d.CumulativeReturn),
                Percent(d.Drawdown),
                CliFormat.Count(d.Trades),
                CliFormat.Count(d.OpenPositions));
        }

        console.Write(table);
        var s = result.Performance.Summary;
        var summary = new Table().AddColumn("Summary").AddColumn(new TableColumn("Value").RightAligned());
        summary.AddRow("Days", CliFormat.Count(s.Days));
        summary.AddRow("Initial cash", CliFormat.Usdc(result.Performance.InitialCash));
        summary.AddRow("Final equity", s.Equity is { } e ? CliFormat.Usdc(e) : "—");
        summary.AddRow("Total return", Percent(s.TotalReturn));
        summary.AddRow("Max drawdown", Percent(s.MaxDrawdown));
        summary.AddRow("Trades", CliFormat.Count(result.Trades));
        summary.AddRow("Settlements", CliFormat.Count(result.Settlements));
        summary.AddRow("Win rate (settled)", Percent(s.WinRate));
        summary.AddRow("Brier score (entries)", s.BrierScore?.ToString("0.0000", CultureInfo.InvariantCulture) ?? "—");
        console.Write(summary);
        console.MarkupLineInterpolated($"Data written to [bold]{result.DataDirectory}[/] (exports/ opens in a spreadsheet).");
        console.MarkupLineInterpolated($"Report: [bold]{result.Report.Html}[/] (charts beside it in reports/).");
    }

    private static string Percent(decimal? ratio) => ratio?.ToString("0.00%", CultureInfo.InvariantCulture) ?? "—";
}
