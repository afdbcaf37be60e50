using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Prescient.Reports;

namespace Prescient.Host.Api;

public static class ReportsApi
{
    /// <summary>The day's report as files (POST): the HTML page and its PNG charts in reports/.</summary>
    public static RouteGroupBuilder MapReportsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/reports").WithTags("Reports");
        group.MapPost("/", (ReportService reports, CancellationToken ct) => reports.WriteAsync(ct))
            .WithSummary("Write reports/report_YYYY-MM-DD.html (self-contained, charts inline; the day is the last end of day, or today before the first) and reports/equity.png, drawdown.png, pnl_by_market.png, calibration.png, from the JSON state alone. Returns the paths.");
        return group;
    }
}
