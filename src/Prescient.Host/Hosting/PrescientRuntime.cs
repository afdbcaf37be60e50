using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Prescient.Engine.Calendar;
using Prescient.Engine.Signals;
using Prescient.Host.Logging;

namespace Prescient.Host.Hosting;

/// <summary>
/// One command's world: the run's resources (lock, market backend) and the services wired to them,
/// logging to the data folder's daily file; <c>logging</c> adds to that (a console, filters). Starting
/// runs <see cref="StartupRecovery"/> before any command touches the data.
/// </summary>
public sealed class PrescientRuntime : IAsyncDisposable
{
    private readonly RunResources _resources;
    private readonly ServiceProvider _services;

    private PrescientRuntime(RunResources resources, ServiceProvider services)
    {
        _resources = resources;
        _services = services;
    }

    public PrescientSettings Settings => _resources.Settings;

    public MarketBackend Backend => _resources.Backend;

    public IServiceProvider Services => _services;

    public static async Task<PrescientRuntime> StartAsync(
        IConfiguration configuration,
        Action<ILoggingBuilder> logging,
        CancellationToken cancellationToken,
        TimeProvider? time = null,
        MarketUse market = MarketUse.Reached,
        Action<IServiceCollection>? services = null)
    {
        time ??= TimeProvider.System;
        var resources = await RunResources.AcquireAsync(configuration, time, cancellationToken, market);
        ServiceProvider? provider = null;
        try
        {
            var collection = new ServiceCollection()
                .AddLogging(builder =>
                {
                    builder.AddPrescientLogging(configuration, resources.Settings.DataDirectory, time);
                    logging(builder);
                })
                .AddSingleton(time)
                .AddPrescient(configuration, resources.Settings, resources.Backend);

            // A caller's last word on the services (a simulation's recording source), before they are built.
            services?.Invoke(collection);
            provider = collection.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

            // Every command dates what it writes in the schedule's zone: bad schedule settings stop it here, in one line, before any work.
            provider.GetRequiredService<TradingCalendar>();

            // And so does an unknown Strategy:Name, or a strategy whose settings are out of range.
            provider.GetRequiredService<IStrategy>();
            await provider.GetRequiredService<StartupRecovery>().RunAsync(cancellationToken);
            return new PrescientRuntime(resources, provider);
        }
        catch
        {
            if (provider is not null)
            {
                await provider.DisposeAsync();
            }

            await resources.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _resources.DisposeAsync();
    }
}
