using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Prescient.Engine.Cycle;
using Prescient.Engine.Runs;
using Prescient.Engine.Status;
using Prescient.Host.Dashboard;

namespace Prescient.Host.Api;

public static class TradingApi
{
    /// <summary>The day's runs: the full cycle (POST) and the status (GET).</summary>
    public static RouteGroupBuilder MapTradingApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/trading").WithTags("Trading");

        group.MapPost("/run-full-cycle", (CycleService cycle, RunGuard guard, CancellationToken ct) =>
                GuardedRun.RunAsync(guard, RunKinds.Cycle, () => cycle.RunAsync(null, ct), r => r.Summary))
            .WithSummary("The full cycle: refresh events, markets and quotes, generate signals, settle and execute on paper, mark, regenerate every CSV. A signal already in the ledger is never traded again, so re-running the same day trades nothing twice. Recorded in history/run_log.json. 409 while another cycle or end of day goes.");
        group.MapGet("/status", (StatusService status, CancellationToken ct) => status.GetAsync(ct))
            .WithSummary("Last cycle and end of day, next scheduled runs, equity and P&L, open positions, age of each state file, market source.");
        return group;
    }
}
