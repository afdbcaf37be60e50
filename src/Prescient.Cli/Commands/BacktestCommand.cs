using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Prescient.Engine.Backtest;
using Prescient.Engine.MarketHistory;
using Prescient.Host.Hosting;
using Prescient.Storage.Files.MarketHistory;
using Spectre.Console;

namespace Prescient.Cli.Commands;

/// <summary>
/// <c>prescient backtest --from D --to D [--strategy NAME] [--step 1h|1d] [--history cache|daily]</c>: replays
/// recorded prices through the strategy and the paper executor, then a table and the files of <c>backtests/</c>.
/// </summary>
internal static class BacktestCommand
{
    public static Command Create(CliContext context)
    {
        var from = new Option<string>("--from") { Description = "First day, YYYY-MM-DD (UTC).", Required = true };
        var to = new Option<string>("--to") { Description = "Last day, YYYY-MM-DD (UTC), included.", Required = true };
        var strategy = new Option<string>("--strategy") { Description = "Strategy by name (default: the configured one, threshold)." };
        var step = new Option<string>("--step") { Description = "Time between decisions: 1h or 1d (default Backtest:Step, 1 day)." };
        var history = new Option<string>("--history") { Description = "cache: pricehistory/ of `history fetch` (default); daily: markets/daily_prices_*.json." };
        var command = new Command("backtest", "Replay recorded prices through the same strategy, fills, fees, risk limits and settlement as paper trading; report under backtests/.")
        {
            from, to, strategy, step, history,
        };
        command.SetAction(async (parse, ct) =>
        {
            var first = Day("--from", parse.GetValue(from)!);
            var last = Day("--to", parse.GetValue(to)!);
            if (first > last)
            {
                throw new SettingsException($"--from {first:yyyy-MM-dd} is after --to {last:yyyy-MM-dd}.");
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

            var configuration = context.Options.BuildConfiguration(parse, extra);
            await using var runtime = await PrescientRuntime.StartAsync(configuration, CliContext.ConfigureLogging, ct, market: MarketUse.None);
            var services = runtime.Services;
            IMarketHistory source = parse.GetValue(history) switch
            {
                null or "cache" => services.GetRequiredService<CachedMarketHistory>(),
                "daily" => services.GetRequiredService<DailyPricesMarketHistory>(),
                var other => throw new SettingsException($"--history must be cache or daily, not '{other}'."),
            };
            var request = new BacktestRequest(first, last, parse.GetValue(strategy));
            BacktestResult result;
            try
            {
                result = await RunAsync(context.Console, services.GetRequiredService<BacktestService>(), request, source, ct);
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

    internal static DateOnly Day(string option, string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) && day.Year >= 1970
            ? day
            : throw new SettingsException($"{option} must be a date as YYYY-MM-DD, not '{text}'.");

    private static Task<BacktestResult> RunAsync(IAnsiConsole console, BacktestService service, BacktestRequest request, IMarketHistory history, CancellationToken ct) =>
        !console.Profile.Capabilities.Interactive
            ? service.RunAsync(request, history, null, ct)
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
                    var result = await service.RunAsync(request, history, progress, ct);
                    task.Value = task.MaxValue;
                    return result;
                });
}
