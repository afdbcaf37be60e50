using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Prescient.Engine.Refresh;
using Prescient.Engine.Trading;

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

        // The host binds and validates TradingOptions; AddOptions makes IOptions<TradingOptions> resolvable (defaults) without it.
        services.AddOptions<TradingOptions>();
        services.AddSingleton<PaperExecutor>();
        return services;
    }
}
