using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Prescient.Engine.Storage;
using Prescient.Engine.Refresh;
using Prescient.Host.Dashboard;

namespace Prescient.Host.Api;

public static class EventsApi
{
    /// <summary>Phase 0: discover, filter, extract (POST); the stored results (GET).</summary>
    public static RouteGroupBuilder MapEventsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/events").WithTags("Events");

        group.MapPost("/export-filtered-json", (RefreshService refresh, CancellationToken ct) =>
                refresh.RunEventsAsync(EventsStage.Filter, null, ct))
            .WithSummary("Discover open events, apply the trading filters, write raw and filtered events JSON and events_filtered.csv.")
            .Changes(DashboardTopics.Events);
        group.MapPost("/export-markets-json", (RefreshService refresh, CancellationToken ct) =>
                refresh.RunEventsAsync(EventsStage.Extract, null, ct))
            .WithSummary("As export-filtered-json, then extract one row per market: filtered_markets.json and markets_extracted.csv.")
            .Changes(DashboardTopics.Events, DashboardTopics.Markets);
        group.MapPost("/refresh-all-exports", (RefreshService refresh, CancellationToken ct) =>
                refresh.RunEventsAsync(EventsStage.All, null, ct))
            .WithSummary("Every events file and export, including the timestamped full events CSV.")
            .Changes(DashboardTopics.Events, DashboardTopics.Markets);

        group.MapGet("/filtered", (IStateDocuments documents, CancellationToken ct) => StoredFile.Serve(documents, StateDocument.FilteredEvents, ct))
            .WithSummary("events/filtered_events.json as last written.");
        group.MapGet("/markets", (IStateDocuments documents, CancellationToken ct) => StoredFile.Serve(documents, StateDocument.FilteredMarkets, ct))
            .WithSummary("events/filtered_markets.json as last written.");
        return group;
    }
}
