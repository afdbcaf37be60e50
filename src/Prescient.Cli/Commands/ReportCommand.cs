using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Prescient.Host.Hosting;
using Prescient.Reports;
using Spectre.Console;

namespace Prescient.Cli.Commands;

/// <summary><c>prescient report</c>: the day's HTML report and its PNG charts, from the JSON state alone.</summary>
internal static class ReportCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("report", "Write reports/report_YYYY-MM-DD.html (self-contained: tables and charts inline) and the PNG charts equity.png, drawdown.png, pnl_by_market.png and calibration.png, from the JSON state alone (no network).");
        command.SetAction(async (parse, ct) =>
        {
            await using var runtime = await PrescientRuntime.StartAsync(context.Options.BuildConfiguration(parse), CliContext.ConfigureLogging, ct, market: MarketUse.None);
            var files = await runtime.Services.GetRequiredService<ReportService>().WriteAsync(ct);
            context.Console.MarkupLineInterpolated($"Report of {files.Date:yyyy-MM-dd} written to [bold]{files.Html}[/]");
            foreach (var chart in files.Charts)
            {
                context.Console.MarkupLineInterpolated($"Chart: {chart}");
            }

            return 0;
        });
        return command;
    }
}
