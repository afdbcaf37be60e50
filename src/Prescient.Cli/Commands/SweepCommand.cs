using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Prescient.Engine.Backtest;
using Prescient.Engine.MarketHistory;
using Prescient.Engine.Sweeps;
using Prescient.Host.Hosting;
using Prescient.Storage.Files.MarketHistory;
using Spectre.Console;

namespace Prescient.Cli.Commands;

/// <summary>
/// <c>prescient sweep --from D --to D --grid name=a:b:step --grid name=a,b [--sort sharpe] [--split 0.7]
/// [--strategy NAME] [--step 1h|1d] [--history cache|daily]</c>: one backtest a grid point (and one each
/// in-sample and out-of-sample) on every core, then a table and the files of <c>backtests/sweep_…</c>.
/// </summary>
internal static class SweepCommand
{
    public static Command Create(CliContext context)
    {
        var from = new Option<string>("--from") { Description = "First day, YYYY-MM-DD (UTC).", Required = true };
        var to = new Option<string>("--to") { Description = "Last day, YYYY-MM-DD (UTC), included.", Required = true };
        var grid = new Option<string[]>("--grid") { Description = "name=start:end:step (inclusive, exact decimals) or name=a,b,c; repeat for more axes.", Required = true, AllowMultipleArgumentsPerToken = true };
        var sort = new Option<string>("--sort") { Description = "Figure to sort by, descending: return (default), cagr, max_drawdown, sharpe, sortino, win_rate, profit_factor, trades, fees." };
        var split = new Option<string>("--split") { Description = "Fraction of the days in-sample (walk-forward), the rest out-of-sample; default 0.7." };
        var strategy = new Option<string>("--strategy") { Description = "Strategy by name (default: Strategy:Name, threshold)." };
        var step = new Option<string>("--step") { Description = "Time between decisions: 1h or 1d (default Backtest:Step, 1 day)." };
        var history = new Option<string>("--history") { Description = "cache: pricehistory/ of `history fetch` (default); daily: markets/daily_prices_*.json." };
        var parallel = new Option<int?>("--parallel") { Description = "Backtests at once (default: every core)." };
        var command = new Command("sweep", "Backtest every point of a parameter grid on all cores, with a walk-forward split; CSV, JSON and a heat map under backtests/.")
        {
            from, to, grid, sort, split, strategy, step, history, parallel,
        };
        command.SetAction(async (parse, ct) =>
        {
            var range = new BacktestRequest(CliDates.Day("--from", parse.GetValue(from)!), CliDates.Day("--to", parse.GetValue(to)!));
            if (range.From > range.To)
            {
                throw new SettingsException($"--from {range.From:yyyy-MM-dd} is after --to {range.To:yyyy-MM-dd}.");
            }

            var extra = new Dictionary<string, string?>(StringComparer.Ordinal);
            if (parse.GetValue(step) is { } text)
            {
                extra["Backtest:Step"] = text switch
                {
                    "1h" => "01:00:00",
                    "1d" => "1.00:00:00",
                    _ => throw new SettingsException($"--step must be 1h or 1d, not '{text}'."),
                };
            }

            if (parse.GetValue(strategy) is { } name)
            {
                extra["Strategy:Name"] = name;
            }

            var configuration = context.Options.BuildConfiguration(parse, extra);
            var strategyName = configuration["Strategy:Name"] ?? Engine.Signals.ThresholdStrategy.StrategyName;
            var request = new SweepRequest(
                range,
                strategyName,
                SweepGrid.Parse(parse.GetValue(grid)!, strategyName),
                SweepMetric.Parse(parse.GetValue(sort) ?? "return"),
                WalkForwardSplit.Of(range, Fraction(parse.GetValue(split))),
                parse.GetValue(parallel) is { } n and >= 1 ? n : Environment.ProcessorCount);
            await using var runtime = await PrescientRuntime.StartAsync(configuration, CliContext.ConfigureLogging, ct, market: MarketUse.None);
            var services = runtime.Services;
            IMarketHistory source = parse.GetValue(history) switch
            {
                null or "cache" => services.GetRequiredService<CachedMarketHistory>(),
                "daily" => services.GetRequiredService<DailyPricesMarketHistory>(),
                var other => throw new SettingsException($"--history must be cache or daily, not '{other}'."),
            };
            var result = await RunAsync(context.Console, services.GetRequiredService<SweepService>(), request, source, ct);
            var files = await services.GetRequiredService<ISweepReports>().WriteAsync(result, services.GetRequiredService<TimeProvider>().GetUtcNow(), ct);
            SweepTables.Render(context.Console, result);
            foreach (var file in files)
            {
                context.Console.MarkupLineInterpolated($"Written [bold]{file}[/]");
            }

            return 0;
        });
        return command;
    }

    private static decimal Fraction(string? text) =>
        text is null ? 0.7m
            : decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) ? value
            : throw new SettingsException($"--split must be a fraction such as 0.7, not '{text}'.");

    private static Task<SweepResult> RunAsync(IAnsiConsole console, SweepService service, SweepRequest request, IMarketHistory history, CancellationToken ct) =>
        !console.Profile.Capabilities.Interactive
            ? service.RunAsync(request, history, null, ct)
            : console.Progress()
                .AutoClear(true)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                .StartAsync(async ctx =>
                {
                    var task = ctx.AddTask("Sweeping", autoStart: true);
                    var progress = new Engine.Refresh.ForwardingProgress<SweepProgress>(p =>
                    {
                        task.MaxValue = Math.Max(1, p.Total);
                        task.Value = Math.Max(task.Value, p.Done);
                        task.Description = FormattableString.Invariant($"Backtest {task.Value:N0}/{p.Total:N0} ({request.Grid.Points.Count:N0} points × 3)");
                    });
                    var result = await service.RunAsync(request, history, progress, ct);
                    task.Value = task.MaxValue;
                    return result;
                });
}
