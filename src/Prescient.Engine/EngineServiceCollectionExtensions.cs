using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Prescient.Engine.Refresh;

namespace Prescient.Engine;

public static class EngineServiceCollectionExtensions
{
    /// <summary>Registers the use-cases. Ports (market source, store, exporter) come from adapter projects.</summary>
    public static IServiceCollection AddPrescientEngine(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<EventsRefresh>();
        services.AddSingleton<QuotesRefresh>();
        services.AddSingleton<UseCaseGate>();
        services.AddSingleton<RefreshService>();
        return services;
    }
}
