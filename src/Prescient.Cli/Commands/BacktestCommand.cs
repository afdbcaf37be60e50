using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Prescient.Engine.Backtest;
using Prescient.Engine.Backtest.Recorded;
using Prescient.Engine.MarketHistory;
using Prescient.Host.Hosting;
using Prescient.Storage.Files.MarketHistory;
using Spectre.Console;

namespace Prescient.Cli.Commands;

/// <summary>
/// <c>prescient backtest --from D --to D [--strategy NAME] [--step 1h|1d] [--history cache|daily|feed [--feed-tape PATH]] [--fills synthetic|recorded]</c>:
/// replays recorded prices (on synthetic books) or a recorded run's tapes (on its books) through the strategy and the
/// paper executor, then a table and the files of <c>backtests/</c>.
/// </summary>
internal static class BacktestCommand
{
    public static Command Create(CliContext context)
    {
        var replay = new ReplayOptions();
        var strategy = new Option<string>("--strategy") { Description = "Strategy by name (default: the configured one, threshold)." };
        var fills = new Option<string>("--fills") { Description = "synthetic: price history on the synthetic book model (default); recorded: the tapes of `simulate --record` (markets/tape_*.json), on the books the run saw." };
        var command = new Command("backtest", "Replay recorded prices through the same strategy, fills, fees, risk limits and settlement as paper trading; report under backtests/.");
        foreach (var option in replay.All.Append(strategy).Append(fills))
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, ct) =>
        {
            var (first, last) = replay.Range(parse);
            var configuration = context.Options.BuildConfiguration(parse, replay.Settings(parse));
            await using var runtime = await PrescientRuntime.StartAsync(configuration, CliContext.ConfigureLogging, ct, market: MarketUse.None);
            var services = runtime.Services;
            var request = new BacktestRequest(first, last, parse.GetValue(strategy));
            BacktestResult result;
            try
            {
                result = parse.GetValue(fills) switch
                {
                    null or "synthetic" => await RunAsync(context.Console, (p, c) => services.GetRequiredService<BacktestService>().RunAsync(request, replay.Source(parse, services), p, c), ct),
                    "recorded" => await RunAsync(context.Console, (p, c) => services.GetRequiredService<RecordedBacktestService>().RunAsync(request, p, c), ct),
                    var other => throw new SettingsException($"--fills must be synthetic or recorded, not '{other}'."),
                };
            }
            catch (ArgumentException e) when (e.ParamName == "name")
            {
                throw new SettingsException(e.Message.Split(" (Parameter")[0]);
            }

            var summary = BacktestStatistics.Compute(result);
            var files = await services.GetRequiredService<IBacktestReports>().WriteAsync(result, summary, services.GetRequiredService<TimeProvider>().GetUtcNow(), ct);
            BacktestTables.Render(context.Console, result, summary);
            foreach (var file in files)
            {
                context.Console.MarkupLineInterpolated($"Written [bold]{file}[/]");
            }

            return 0;
        });
        return command;
    }

    private static Task<BacktestResult> RunAsync(IAnsiConsole console, Func<IProgress<BacktestProgress>?, CancellationToken, Task<BacktestResult>> run, CancellationToken ct) =>
        !console.Profile.Capabilities.Interactive
            ? run(null, ct)
            : console.Progress()
                .AutoClear(true)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                .StartAsync(async ctx =>
                {
                    var task = ctx.AddTask("Replaying", autoStart: true);
                    var progress = new Engine.Refresh.ForwardingProgress<BacktestProgress>(p =>
                    {
                        task.MaxValue = Math.Max(1, p.StepsTotal);
                        task.Value = p.StepsDone;
                        task.Description = FormattableString.Invariant($"Replaying step {p.StepsDone:N0}/{p.StepsTotal:N0}");
                    });
                    var result = await run(progress, ct);
                    task.Value = task.MaxValue;
                    return result;
                });
}
