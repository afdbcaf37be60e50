using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Prescient.Domain.Ids;
using Prescient.Engine.MarketHistory;
using Prescient.Engine.Refresh;
using Prescient.Host.Hosting;
using Spectre.Console;

namespace Prescient.Cli.Commands;

/// <summary>
/// <c>prescient history fetch --from D [--to D] [--tokens ID,…] [--fidelity MIN] [--force]</c>: downloads
/// CLOB price history into <c>pricehistory/</c>, month by month, resumable.
/// </summary>
internal static class HistoryCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("history", "Price history for backtests: download and cache it under the data folder.");
        command.Subcommands.Add(Fetch(context));
        return command;
    }

    private static Command Fetch(CliContext context)
    {
        var from = new Option<string>("--from") { Description = "First day, YYYY-MM-DD (UTC). Whole months are fetched: the month holding it is the first.", Required = true };
        var to = new Option<string>("--to") { Description = "Last day, YYYY-MM-DD (UTC; default today). Months after the current one are not fetched." };
        var tokens = new Option<string>("--tokens") { Description = "Comma-separated token ids (default: both tokens of every market of the last refresh; a refresh runs first when there is none)." };
        var fidelity = new Option<int?>("--fidelity") { Description = "Minutes between points (default 60, key History:FidelityMinutes). Resolved markets only have history at 720 or more." };
        var force = new Option<bool>("--force") { Description = "Fetch complete months again instead of keeping the files on disk." };
        var command = new Command("fetch", "Download /prices-history for the filtered markets (or --tokens) into pricehistory/<token>/YYYY-MM.bin; months already complete on disk are skipped.")
        {
            from, to, tokens, fidelity, force,
        };
        command.SetAction(async (parse, ct) =>
        {
            var first = CliDates.Day("--from", parse.GetValue(from)!);
            var given = Tokens(parse.GetValue(tokens));
            if (parse.GetValue(fidelity) is < 1 or > 525_600)
            {
                throw new SettingsException("--fidelity must be between 1 and 525600 minutes.");
            }

            await using var runtime = await PrescientRuntime.StartAsync(context.Options.BuildConfiguration(parse), CliContext.ConfigureLogging, ct);
            var today = DateOnly.FromDateTime(runtime.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
            var last = parse.GetValue(to) is { } text ? CliDates.Day("--to", text) : today;
            if (first > last)
            {
                throw new SettingsException($"--from {first:yyyy-MM-dd} is after --to {last:yyyy-MM-dd}.");
            }

            var request = new HistoryFetchRequest(first, last) { Tokens = given, FidelityMinutes = parse.GetValue(fidelity), Force = parse.GetValue(force) };
            var service = runtime.Services.GetRequiredService<HistoryFetchService>();
            var result = await RunWithProgressAsync(context.Console, service, request, ct);
            Render(context.Console, result);
            return 0;
        });
        return command;
    }

    private static TokenId[]? Tokens(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var ids = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (ids.Length == 0)
        {
            throw new SettingsException("--tokens needs at least one token id.");
        }

        if (ids.FirstOrDefault(id => id.Length > 200 || !id.All(char.IsAsciiLetterOrDigit)) is { } bad)
        {
            throw new SettingsException($"--tokens: '{bad}' is not a token id (letters and digits only).");
        }

        return [.. ids.Select(TokenId.Create)];
    }

    private static Task<HistoryFetchResult> RunWithProgressAsync(IAnsiConsole console, HistoryFetchService service, HistoryFetchRequest request, CancellationToken ct) =>
        !console.Profile.Capabilities.Interactive
            ? service.FetchAsync(request, null, null, ct)
            : console.Progress()
                .AutoClear(true)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                .StartAsync(async ctx =>
                {
                    ProgressTask? refreshing = null;
                    var fetching = ctx.AddTask("Fetching price history", autoStart: false);
                    var refreshProgress = new ForwardingProgress<RefreshProgress>(p =>
                    {
                        lock (fetching)
                        {
                            refreshing ??= ctx.AddTask("Refreshing markets (no filtered_markets.json yet)").IsIndeterminate();
                        }
                    });
                    var progress = new ForwardingProgress<HistoryFetchProgress>(p =>
                    {
                        lock (fetching)
                        {
                            refreshing?.StopTask();
                            if (!fetching.IsStarted)
                            {
                                fetching.StartTask();
                            }

                            fetching.MaxValue = Math.Max(1, p.TokensTotal);
                            fetching.Value = p.TokensDone;
                            fetching.Description = FormattableString.Invariant(
                                $"Tokens {p.TokensDone:N0}/{p.TokensTotal:N0}: {p.MonthsFetched:N0} months fetched, {p.MonthsReused:N0} kept, {p.TokensFailed:N0} skipped");
                        }
                    });
                    var result = await service.FetchAsync(request, progress, refreshProgress, ct);
                    fetching.Value = fetching.MaxValue;
                    return result;
                });

    private static void Render(IAnsiConsole console, HistoryFetchResult r)
    {
        var table = new Table().Title(CliFormat.Title("Price history", r.Source))
            .AddColumn("What").AddColumn(new TableColumn("Value").RightAligned());
        table.AddRow("Months", $"{r.FirstMonth} to {r.LastMonth}");
        table.AddRow("Fidelity", FormattableString.Invariant($"{r.FidelityMinutes} min"));
        table.AddRow("Tokens", CliFormat.Count(r.Tokens) + r.TokenSource switch
        {
            HistoryTokenSource.Given => " (--tokens)",
            HistoryTokenSource.LastRefresh => " (markets of the last refresh)",
            _ => " (markets of a new refresh)",
        });
        table.AddRow("Token-months fetched", CliFormat.Count(r.MonthsFetched));
        table.AddRow("  replacing a damaged file", CliFormat.Count(r.MonthsRepaired));
        table.AddRow("  current month (fetched again next time)", CliFormat.Count(r.MonthsIncomplete));
        table.AddRow("Token-months already complete on disk", CliFormat.Count(r.MonthsReused));
        table.AddRow("Points written", r.Points.ToString("N0", CultureInfo.InvariantCulture));
        table.AddRow("Requests", CliFormat.Count(r.Requests));
        table.AddRow("Tokens skipped (bad reply)", CliFormat.Count(r.Failures.Count));
        table.AddRow("Duration", r.Duration.TotalSeconds.ToString("0.00 s", CultureInfo.InvariantCulture));
        console.Write(table);
        foreach (var failure in r.Failures.Take(10))
        {
            console.MarkupLineInterpolated($"[yellow]skipped[/] {failure.Token.Value}: {failure.Reason}");
        }

        if (r.Failures.Count > 10)
        {
            console.MarkupLineInterpolated($"… and {r.Failures.Count - 10} more (see the log).");
        }

        console.MarkupLineInterpolated($"Price history in [bold]{r.Location}[/]");
    }
}
