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

    /// <summary>Takes the lock, then starts the backend (<see cref="MarketUse.None"/>: none, <see cref="MarketBackend.NotReached"/>).</summary>
    public static async Task<RunResources> AcquireAsync(IConfiguration configuration, TimeProvider time, CancellationToken cancellationToken, MarketUse market = MarketUse.Reached)
    {
        var settings = PrescientSettings.From(configuration);
        var folderLock = DataFolderLock.Acquire(settings.DataDirectory);
        try
        {
            var backend = market == MarketUse.None ? MarketBackend.NotReached(settings) : await MarketBackend.StartAsync(settings, time, cancellationToken);
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

/// <summary>Whether a command reaches the market (Gamma, the CLOB) or only reads the data folder.</summary>
public enum MarketUse
{
    /// <summary>The command may call the market: the backend is started (the in-process sample server, when that is the source).</summary>
    Reached,

    /// <summary>The command reads the data folder only: nothing is started, and a call to the market source is refused.</summary>
    None,
}
