using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Prescient.Engine.Backtest;
using Prescient.Engine.Exits;
using Prescient.Engine.MarketHistory;
using Prescient.Engine.Markets;
using Prescient.Engine.Signals;
using Prescient.Engine.Storage;
using Prescient.Engine.Sweeps;
using Prescient.Engine.Trading;
using Prescient.Host.Hosting;

namespace Prescient.Host.Sweeps;

/// <summary>
/// A grid point's backtest as <c>prescient backtest</c> builds it: the command's configuration with the
/// point's keys laid over it, every options section bound and validated from that, the strategy made by
/// <see cref="StrategyCatalog"/>, and a <see cref="BacktestService"/> on the shared read-only data, all in
/// a service provider of the point's own (so points never share a strategy's state).
/// </summary>
public sealed class ConfiguredSweepBacktests(IConfiguration configuration, TimeProvider time, ILoggerFactory logging, IEventParser? events = null) : ISweepBacktests
{
    public string? Validate(IReadOnlyDictionary<string, string> settings)
    {
        try
        {
            using var services = Build(settings, store: null);
            services.GetRequiredService<IStrategy>();
            _ = services.GetRequiredService<IOptions<TradingOptions>>().Value;
            _ = services.GetRequiredService<IOptions<ExitOptions>>().Value;
            return services.GetRequiredService<IOptions<BacktestOptions>>().Value.Validate();
        }
        catch (OptionsValidationException e)
        {
            return string.Join(" ", e.Failures);
        }
        catch (InvalidOperationException e) when (e.InnerException is FormatException or OverflowException or ArgumentException)
        {
            // The binder could not convert a value (a fraction for a whole number, say).
            return e.Message;
        }
    }

    public async Task<BacktestResult> RunAsync(IReadOnlyDictionary<string, string> settings, BacktestRequest request, IMarketDataStore store, IMarketHistory history, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        await using var services = Build(settings, store);
        return await services.GetRequiredService<BacktestService>().RunAsync(request, history, null, cancellationToken).ConfigureAwait(false);
    }

    private ServiceProvider Build(IReadOnlyDictionary<string, string> settings, IMarketDataStore? store)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var point = new ConfigurationBuilder()
            .AddConfiguration(configuration)
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        var services = new ServiceCollection()
            .AddSingleton(logging)
            .AddSingleton(typeof(ILogger<>), typeof(Logger<>))
            .AddSingleton(time)
            .AddPrescientOptions(point)
            .AddSingleton<IStrategy>(StrategyCatalog.Create)
            .AddSingleton<BacktestService>();
        if (store is not null)
        {
            services.AddSingleton(store);
        }

        if (events is not null)
        {
            services.AddSingleton(events);
        }

        return services.BuildServiceProvider();
    }
}
