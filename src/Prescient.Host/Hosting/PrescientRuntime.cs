using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Prescient.Storage.Files;

namespace Prescient.Host.Hosting;

/// <summary>
/// One command's world: the data-folder lock (taken first, so a second writer fails before any
/// network call), the market backend, and the services. Dispose releases all three.
/// </summary>
public sealed class PrescientRuntime : IAsyncDisposable
{
    private readonly DataFolderLock _lock;
    private readonly MarketBackend _backend;
    private readonly ServiceProvider _services;

    private PrescientRuntime(PrescientSettings settings, DataFolderLock folderLock, MarketBackend backend, ServiceProvider services)
    {
        Settings = settings;
        _lock = folderLock;
        _backend = backend;
        _services = services;
    }

    public PrescientSettings Settings { get; }

    public MarketBackend Backend => _backend;

    public IServiceProvider Services => _services;

    public static async Task<PrescientRuntime> StartAsync(
        IConfiguration configuration,
        Action<ILoggingBuilder> logging,
        CancellationToken cancellationToken,
        TimeProvider? time = null)
    {
        time ??= TimeProvider.System;
        var settings = PrescientSettings.From(configuration);
        var folderLock = DataFolderLock.Acquire(settings.DataDirectory);
        MarketBackend? backend = null;
        try
        {
            backend = await MarketBackend.StartAsync(settings, time, cancellationToken);
            var services = new ServiceCollection()
                .AddLogging(logging)
                .AddSingleton(time)
                .AddPrescient(configuration, settings, backend)
                .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
            return new PrescientRuntime(settings, folderLock, backend, services);
        }
        catch
        {
            if (backend is not null)
            {
                await backend.DisposeAsync();
            }

            folderLock.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _backend.DisposeAsync();
        _lock.Dispose();
    }
}
