using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Prescient.Engine.Storage;
using Prescient.Engine.Signals;
using Prescient.Host.Dashboard;

namespace Prescient.Host.Api;

public static class StrategyApi
{
    /// <summary>Phase 2: run the strategy over the stored markets and quotes (POST); the current signals (GET).</summary>
    public static RouteGroupBuilder MapStrategyApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/strategy").WithTags("Strategy");

        group.MapPost("/generate-signals", (SignalService signals, CancellationToken ct) => signals.GenerateAsync(ct))
            .WithSummary("Run the strategy over filtered_markets.json and market_cache.json: current_signals.json and signals_current.csv, with every skipped market and its reason.")
            .Changes(DashboardTopics.Signals);
        group.MapGet("/current-signals", (IStateDocuments documents, CancellationToken ct) => StoredFile.Serve(documents, StateDocument.CurrentSignals, ct))
            .WithSummary("trades/current_signals.json as last written.");
        group.MapPost("/export-signals-csv", async (SignalService signals, CancellationToken ct) =>
                TypedResults.Ok(new ExportResult([await signals.ExportCsvAsync(ct)])))
            .WithSummary("Regenerate signals_current.csv from the stored signals.");
        return group;
    }
}
