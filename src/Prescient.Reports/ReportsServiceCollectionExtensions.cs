using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Prescient.Reports;

public static class ReportsServiceCollectionExtensions
{
    /// <summary>Adds <see cref="ReportService"/> (it needs the engine and the file store).</summary>
    public static IServiceCollection AddPrescientReports(this IServiceCollection services)
    {
        services.TryAddSingleton<ReportService>();
        services.TryAddSingleton<Engine.Sweeps.ISweepReports, SweepReports>();
        return services;
    }
}
