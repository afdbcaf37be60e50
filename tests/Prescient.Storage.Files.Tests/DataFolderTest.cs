using Prescient.Storage.Files.Exports;
using Prescient.Storage.Files.Markets;
using Prescient.Testing;

namespace Prescient.Storage.Files.Tests;

/// <summary>A fresh data folder (under a temp directory) with the store and exporter over it, deleted after the test.</summary>
public abstract class DataFolderTest : IDisposable
{
    private readonly TempDirectory _temp = new();

    protected DataFolderTest()
    {
        Folder = new DataFolder(Path.Combine(_temp.Path, "data"));
        Store = new FileMarketDataStore(Folder);
        Exporter = new CsvExporter(Folder);
    }

    protected DataFolder Folder { get; }

    protected FileMarketDataStore Store { get; }

    protected CsvExporter Exporter { get; }

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _temp.Dispose();
        }
    }
}
