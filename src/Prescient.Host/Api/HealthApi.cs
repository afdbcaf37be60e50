using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Prescient.Engine.Markets;
using Prescient.Host.Hosting;

namespace Prescient.Host.Api;

public static class HealthApi
{
    public static RouteHandlerBuilder MapHealthApi(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/health", (PrescientSettings settings, MarketSourceInfo source, TimeProvider time) =>
                TypedResults.Ok(new HealthReport("ok", source.Name, source.IsSimulated, settings.DataDirectory, time.GetUtcNow())))
            .WithTags("Health")
            .WithSummary("Liveness, the market source (sample = simulated) and the data folder.");
}

public sealed record HealthReport(string Status, string Source, bool Simulated, string DataDirectory, DateTimeOffset Time);
