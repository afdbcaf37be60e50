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
/// [--strategy NAME] [--step 1h|1d] [--history cache|daily|feed [--feed-tape PATH]]</c>: one backtest a grid point (and one each
/// in-sample and out-of-sample) on every core, then a table and the files of <c>backtests/sweep_…</c>.
/// </summary>
internal static class SweepCommand
{
    public static Command Create(CliContext context)
    {
        var replay = new ReplayOptions();
        var grid = new Option<string[]>("--grid") { Description = "name=start:end:step (inclusive, exact decimals) or name=a,b,c; repeat for more axes.", Required = true, AllowMultipleArgumentsPerToken = true };
        var sort = new Option<string>("--sort") { Description = "Figure to sort by, descending: return (default), cagr, max_drawdown, sharpe, sortino, win_rate, profit_factor, trades, fees." };
        var split = new Option<string>("--split") { Description = "Fraction of the days in-sample (walk-forward), the rest out-of-sample; default 0.7." };
        var strategy = new Option<string>("--strategy") { Description = "Strategy by name (default: Strategy:Name, threshold)." };
        var parallel = new Option<int?>("--parallel") { Description = "Backtests at once (default: every core)." };
        var command = new Command("sweep", "Backtest every point of a parameter grid on all cores, with a walk-forward split; CSV, JSON and a heat map under backtests/.");
        foreach (var option in replay.All.Concat([grid, sort, split, strategy, parallel]))
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, ct) =>
        {
            var (first, last) = replay.Range(parse);
            var range = new BacktestRequest(first, last);
            var extra = replay.Settings(parse);

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
            var source = replay.Source(parse, services);
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
