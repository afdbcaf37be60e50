using System.Text;
using Microsoft.Extensions.Logging;
using Prescient.Engine.Calendar;
using Prescient.Engine.Performance;
using Prescient.Engine.Positions;
using Prescient.Engine.Reports;
using Prescient.Storage.Files;
using Prescient.Storage.Files.IO;

namespace Prescient.Reports;

/// <summary>
/// <c>prescient report</c> and <c>POST /reports</c>: the report of the data folder's JSON state
/// alone (no network), written to <c>reports/</c>: the day's self-contained HTML page and the four
/// PNG charts of <see cref="ReportCharts"/> (replaced by each report; the pages keep their own copies
/// inline). The day is the last recorded end of day, or today in the schedule's zone before the first.
/// Every file is written atomically; all are derived and can be written again at any time.
/// </summary>
public sealed partial class ReportService(
    PerformanceService performance,
    PortfolioService portfolio,
    DataFolder folder,
    TradingCalendar calendar,
    TimeProvider time,
    ILogger<ReportService> logger)
{
    public async Task<ReportFiles> WriteAsync(CancellationToken cancellationToken)
    {
        var report = await BuildAsync(cancellationToken);
        var charts = ReportCharts.Draw(report);
        Directory.CreateDirectory(folder.ReportsDirectory);
        var written = new List<string>(charts.Count);
        foreach (var (name, png) in charts)
        {
            var path = folder.ReportChart(name);
            await AtomicFile.WriteAsync(path, (stream, ct) => stream.WriteAsync(png, ct).AsTask(), cancellationToken);
            written.Add(path);
        }

        var html = folder.Report(report.Date);
        var page = Encoding.UTF8.GetBytes(ReportHtml.Render(report, charts));
        await AtomicFile.WriteAsync(html, (stream, ct) => stream.WriteAsync(page, ct).AsTask(), cancellationToken);
        LogWritten(logger, html, report.Date, report.LedgerRecords, report.Performance.Summary.Days);
        return new ReportFiles(report.Date, html, written);
    }

    /// <summary>The report of the state as stored now, without drawing or writing anything.</summary>
    public async Task<TradingReport> BuildAsync(CancellationToken cancellationToken)
    {
        var days = await performance.GetAsync(cancellationToken);
        var current = await portfolio.CurrentAsync(cancellationToken);
        var ledger = await portfolio.TradesAsync(cancellationToken);
        var now = time.GetUtcNow();
        var date = days.Summary.To ?? calendar.DayOf(now);
        return TradingReport.From(date, now, current, days, ledger);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Report written to {Path} for {Date} ({Records} ledger records, {Days} recorded days)")]
    private static partial void LogWritten(ILogger logger, string path, DateOnly date, int records, int days);
}

/// <summary>The files a report wrote: the HTML page of <see cref="Date"/> and the PNG charts.</summary>
public sealed record ReportFiles(DateOnly Date, string Html, IReadOnlyList<string> Charts);
