using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Prescient.Engine;
using Prescient.Engine.Filters;
using Prescient.Polymarket;
using Prescient.Storage.Files;

namespace Prescient.Host.Hosting;

public static class PrescientServices
{
    /// <summary>Wires the engine, the file store and the Polymarket client pointed at <paramref name="backend"/>.</summary>
    public static IServiceCollection AddPrescient(
        this IServiceCollection services,
        IConfiguration configuration,
        PrescientSettings settings,
        MarketBackend backend)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(backend);
        services.AddSingleton(settings);
        services.AddSingleton(backend.Info);
        services.AddOptions<TradingFilterOptions>().Bind(configuration.GetSection(TradingFilterOptions.SectionName));
        services.AddSingleton<IValidateOptions<TradingFilterOptions>, TradingFilterOptionsValidator>();
        services.AddPrescientEngine();
        services.AddFileStorage(settings.DataDirectory);
        services.AddPolymarket(options =>
        {
            configuration.GetSection("Polymarket").Bind(options);
            options.GammaUrl = backend.GammaUrl;
            options.ClobUrl = backend.ClobUrl;
            options.Source = backend.Info;
        });
        return services;
    }

    private sealed class TradingFilterOptionsValidator : IValidateOptions<TradingFilterOptions>
    {
        public ValidateOptionsResult Validate(string? name, TradingFilterOptions options) =>
            options.Validate() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
    }
}
