using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Prescient.Engine.Exports;
using Prescient.Engine.History;
using Prescient.Engine.Performance;
using Prescient.Engine.Runs;
using Prescient.Host.Dashboard;

namespace Prescient.Host.Api;

public static class HistoryApi
{
    /// <summary>End of day and export-all (POST); the daily performance report (GET).</summary>
    public static RouteGroupBuilder MapHistoryApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/trading").WithTags("Trading");

        group.MapPost("/end-of-day", (EndOfDayService endOfDay, RunGuard guard, CancellationToken ct) =>
                GuardedRun.RunAsync(guard, RunKinds.EndOfDay, () => endOfDay.RunAsync(ct), r => r.Message))
            .WithSummary("Close the day (the date in Schedule:TimeZone, UTC by default) once: settle held markets that resolved, mark the other positions at fresh books, rewrite portfolio.json, append one snapshot to history/portfolio_history.json, archive the day's signals, write the day's daily prices if missing, regenerate every CSV. A second call the same day writes nothing and says when the day was recorded. 409 while another cycle or end of day goes.");
        group.MapPost("/export-all-csv", async (ExportService exports, CancellationToken ct) => ExportAllReply.From(await exports.ExportAllAsync(ct)))
            .WithSummary("Regenerate the eight CSVs of exports/ from the JSON files alone (no network); lists the files written and, for each one skipped, the step that writes its source.");
        group.MapGet("/performance", (PerformanceService performance, CancellationToken ct) => performance.GetAsync(ct))
            .WithSummary("Daily performance from portfolio_history.json and the ledger: equity, returns, drawdown, P&L, trades, win rate and Brier score per day, and a summary.");
        return group;
    }
}
