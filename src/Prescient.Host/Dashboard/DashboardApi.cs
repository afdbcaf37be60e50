using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Prescient.Domain.Ids;
using Prescient.Domain.Trading;
using Prescient.Engine.Dashboard;

namespace Prescient.Host.Dashboard;

/// <summary>
/// The dashboard: its page at <c>/</c> (static files from the host's <c>wwwroot</c>, copied beside
/// the program), its snapshot (<c>GET /api/dashboard</c>), the filtered trades, and its hub.
/// </summary>
public static class DashboardApi
{
    /// <summary>The page's folder beside the program.</summary>
    public static string WebRoot => Path.Combine(AppContext.BaseDirectory, "wwwroot");

    /// <summary>Serves the page (index.html at <c>/</c>); before the routes, so a file never reaches an endpoint.</summary>
    public static IApplicationBuilder UseDashboardPage(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!Directory.Exists(WebRoot))
        {
            return app;
        }

        var files = new PhysicalFileProvider(WebRoot);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        return app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
    }

    /// <summary>After each successful request to an endpoint marked with <see cref="DashboardChanges"/>, tells the pages what changed.</summary>
    public static IApplicationBuilder UseDashboardNotifications(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Use(async (context, next) =>
        {
            await next(context);
            if (context.Response.StatusCode is >= 200 and < 300
                && context.GetEndpoint()?.Metadata.GetMetadata<DashboardChanges>() is { } changes)
            {
                context.RequestServices.GetRequiredService<DashboardNotifier>()
                    .Changed(changes.Topics, $"{context.Request.Method} {context.Request.Path.Value}");
            }
        });
    }

    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var group = endpoints.MapGroup("/api/dashboard").WithTags("Dashboard");
        group.MapGet("/", (DashboardService dashboard, CancellationToken ct) => dashboard.GetAsync(ct))
            .WithSummary("Everything the dashboard shows, from the stored state: overview figures, equity curve with drawdown (one point per end of day, then the live portfolio), calibration, positions grouped by event, the latest trades, current signals with skipped markets and rejection counts, the last quotes, and the runs.");
        group.MapGet("/trades", TradesAsync)
            .WithSummary("Ledger records newest first, filtered by market id, kind (buy, sell, settlement) and trading days from/to (YYYY-MM-DD, inclusive); limit 1..5000 (default 200).");
        endpoints.MapHub<DashboardHub>(DashboardHub.Path);
        return endpoints;
    }

    private static async Task<IResult> TradesAsync(
        DashboardService dashboard,
        string? market,
        string? kind,
        string? from,
        string? to,
        int? limit,
        CancellationToken ct)
    {
        TradeKind? parsedKind = null;
        if (!string.IsNullOrEmpty(kind))
        {
            if (!TryKind(kind, out var k))
            {
                return Problem("kind", $"'{kind}' is not a ledger record kind: use buy, sell or settlement.");
            }

            parsedKind = k;
        }

        if (!TryDay(from, out var fromDay))
        {
            return Problem("from", $"'{from}' is not a date: use YYYY-MM-DD.");
        }

        if (!TryDay(to, out var toDay))
        {
            return Problem("to", $"'{to}' is not a date: use YYYY-MM-DD.");
        }

        if (limit is < 1 or > 5000)
        {
            return Problem("limit", $"limit {limit} is out of range: use 1 to 5000.");
        }

        var query = new TradeQuery(
            string.IsNullOrWhiteSpace(market) ? null : MarketId.Create(market),
            parsedKind,
            fromDay,
            toDay,
            limit ?? DashboardService.TradeRows);
        return TypedResults.Ok(await dashboard.TradesAsync(query, ct));
    }

    private static bool TryKind(string text, out TradeKind kind) =>
        Enum.TryParse(text, ignoreCase: true, out kind) && Enum.IsDefined(kind) && !int.TryParse(text, out _);

    private static bool TryDay(string? text, out DateOnly? day)
    {
        day = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", out var parsed))
        {
            day = parsed;
            return true;
        }

        return false;
    }

    private static IResult Problem(string parameter, string detail) =>
        TypedResults.Problem(title: $"Invalid {parameter}", detail: detail, statusCode: StatusCodes.Status400BadRequest);
}
