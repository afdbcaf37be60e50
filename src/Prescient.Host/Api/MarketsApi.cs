using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Prescient.Engine.Storage;
using Prescient.Engine.Refresh;
using Prescient.Host.Dashboard;

namespace Prescient.Host.Api;

public static class MarketsApi
{
    /// <summary>Phase 1: quote the extracted markets (POST); the market cache (GET).</summary>
    public static RouteGroupBuilder MapMarketsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/markets").WithTags("Markets");

        group.MapPost("/refresh", (RefreshService refresh, CancellationToken ct) => refresh.RunQuotesAsync(null, ct))
            .WithSummary("Fetch order books for every extracted market accepting orders: market_cache.json, daily prices, markets_current.csv.")
            .Changes(DashboardTopics.Quotes, DashboardTopics.Markets);
        group.MapPost("/export-csv", async (RefreshService refresh, CancellationToken ct) =>
                TypedResults.Ok(new ExportResult([await refresh.ExportQuotesCsvAsync(ct)])))
            .WithSummary("Regenerate markets_current.csv from the stored market cache.");
        group.MapGet("/current", (IStateDocuments documents, CancellationToken ct) => StoredFile.Serve(documents, StateDocument.MarketCache, ct))
            .WithSummary("markets/market_cache.json as last written.");
        return group;
    }
}

/// <summary>The files an export wrote.</summary>
public sealed record ExportResult(IReadOnlyList<string> Files);
