using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Prescient.Bus.Redis;
using Prescient.Engine.Markets;
using Prescient.Engine.Quotes;
using Prescient.Engine.Trading;
using StackExchange.Redis;

namespace Prescient.Host.Workers;

public static class WorkerServices
{
    /// <summary>The Redis bus, live settings, the shared book cache and the worker, when <c>Bus:Kind</c> is <c>redis</c> (the connection opens on first use).</summary>
    public static IServiceCollection AddPrescientBus(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BusOptions>().Bind(configuration.GetSection(BusOptions.SectionName));
        services.AddSingleton<IValidateOptions<BusOptions>>(new BusValidator());
        services.AddSingleton<IConnectionMultiplexer>(sp => Connect(sp.GetRequiredService<IOptions<BusOptions>>().Value.Redis!));
        services.AddSingleton<RedisBus>();
        services.AddSingleton<RedisSettings>();
        services.AddSingleton<LiveSignals>();
        services.AddSingleton<PipelineStages>();
        services.AddSingleton<PipelineWorker>();
        services.AddSingleton<BusCycles>();

        // Books shared by the stages: the quotes stage stores them, an execution anywhere takes them while fresh.
        services.AddSingleton<IBookCache>(sp => new RedisBookCache(sp.GetRequiredService<IConnectionMultiplexer>(), sp.GetRequiredService<IOptions<TradingOptions>>().Value.MaxBookAge));

        // Held markets' lookups shared by the parts of a cycle's execution, whichever worker runs each.
        services.AddSingleton<IMarketLookupCache>(sp => new RedisLookupCache(sp.GetRequiredService<IConnectionMultiplexer>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<TradingOptions>>().Value.MaxBookAge));
        return services;
    }

    /// <summary>Connects to <paramref name="address"/> (host:port); a server that does not answer is a one-line error.</summary>
    public static IConnectionMultiplexer Connect(string address)
    {
        try
        {
            var options = ConfigurationOptions.Parse(address);
            options.AbortOnConnectFail = true;
            options.ConnectTimeout = 5000;
            return ConnectionMultiplexer.Connect(options);
        }
        catch (Exception e) when (e is RedisConnectionException or ArgumentException)
        {
            throw new Hosting.SettingsException($"Redis at {address} cannot be reached: {e.Message.Split('\n')[0]}", e);
        }
    }

    private sealed class BusValidator : IValidateOptions<BusOptions>
    {
        public ValidateOptionsResult Validate(string? name, BusOptions options) =>
            options.Validate() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
    }
}
