using Microsoft.Extensions.Configuration;
using Prescient.Storage.Files;

namespace Prescient.Host.Hosting;

/// <summary>
/// What a command or the API holds while it runs: the settings, the data-folder lock (taken first,
/// so a second writer fails before any network call) and the market backend. Dispose releases both.
/// </summary>
public sealed class RunResources : IAsyncDisposable
{
    private readonly DataFolderLock _lock;

    private RunResources(PrescientSettings settings, DataFolderLock folderLock, MarketBackend backend)
    {
        Settings = settings;
        _lock = folderLock;
        Backend = backend;
    }

    public PrescientSettings Settings { get; }

    public MarketBackend Backend { get; }

    public static async Task<RunResources> AcquireAsync(IConfiguration configuration, TimeProvider time, CancellationToken cancellationToken)
    {
        var settings = PrescientSettings.From(configuration);
        var folderLock = DataFolderLock.Acquire(settings.DataDirectory);
        try
        {
            var backend = await MarketBackend.StartAsync(settings, time, cancellationToken);
            return new RunResources(settings, folderLock, backend);
        }
        catch
        {
            folderLock.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Backend.DisposeAsync();
        _lock.Dispose();
    }
}
