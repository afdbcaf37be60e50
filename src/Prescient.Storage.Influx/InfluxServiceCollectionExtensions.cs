using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Prescient.Engine.TimeSeries;

namespace Prescient.Storage.Influx;

public static class InfluxServiceCollectionExtensions
{
    /// <summary>
    /// Sends the engine's time series to InfluxDB 1.x: registers the <see cref="InfluxLineWriter"/> (a
    /// singleton whose disposal, with the container's, flushes the queue) and makes
    /// <see cref="InfluxTimeSeriesSink"/> the <see cref="ITimeSeriesSink"/>, replacing the engine's
    /// default whichever is registered first. <paramref name="configure"/> fills the options (the host
    /// binds the <c>TimeSeries</c> section); they are validated when the writer is first resolved.
    /// </summary>
    public static IServiceCollection AddInfluxTimeSeries(this IServiceCollection services, Action<InfluxOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<InfluxOptions>().Configure(configure);
        services.AddSingleton<IValidateOptions<InfluxOptions>, Validator>();

        // Its own resilience: the writer keeps a failed batch and retries it with backoff, so the client only has a time limit.
        services.AddHttpClient(InfluxLineWriter.HttpClientName, (sp, client) =>
        {
            client.Timeout = sp.GetRequiredService<IOptions<InfluxOptions>>().Value.RequestTimeout;
            client.DefaultRequestHeaders.UserAgent.ParseAdd("Prescient/1.0 (+paper trading; time series)");
        });
        services.TryAddSingleton<InfluxLineWriter>();
        services.TryAddSingleton<InfluxTimeSeriesSink>();
        services.Replace(ServiceDescriptor.Singleton<ITimeSeriesSink>(sp => sp.GetRequiredService<InfluxTimeSeriesSink>()));
        return services;
    }

    private sealed class Validator : IValidateOptions<InfluxOptions>
    {
        public ValidateOptionsResult Validate(string? name, InfluxOptions options) =>
            options.Validate() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
    }
}
