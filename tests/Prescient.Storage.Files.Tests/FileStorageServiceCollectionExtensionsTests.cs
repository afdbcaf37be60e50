using Prescient.Testing.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Prescient.Engine.Storage;
using Prescient.Storage.Files.Exports;
using Prescient.Storage.Files.Markets;
using Prescient.Storage.Files.Trading;
using Prescient.Testing;

namespace Prescient.Storage.Files.Tests;

public sealed class FileStorageServiceCollectionExtensionsTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task AddFileStorage_WithoutLogging_ResolvesStoreAndExporterOverOneFolder()
    {
        var root = Path.Combine(_temp.Path, "data");
        await using var services = new ServiceCollection()
            .AddFileStorage(root)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        var folder = services.GetRequiredService<DataFolder>();
        var store = services.GetRequiredService<IMarketDataStore>();
        var exporter = services.GetRequiredService<ICsvExporter>();

        Assert.Equal(root, folder.Root);
        Assert.IsType<FileMarketDataStore>(store);
        Assert.IsType<CsvExporter>(exporter);
        Assert.Same(store, services.GetRequiredService<FileMarketDataStore>());
        await Runs.CommitQuotesAsync(store, TestData.Quotes(TestData.Quote()));
        Assert.True(File.Exists(Path.Combine(root, "markets", "market_cache.json")));
    }

    [Fact]
    public async Task AddFileStorage_LoggerRegistered_InjectedAndUsed()
    {
        var logger = new RecordingLogger<CsvExporter>();
        await using var services = new ServiceCollection()
            .AddSingleton<ILogger<CsvExporter>>(logger)
            .AddFileStorage(_temp.Path)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

        var path = await services.GetRequiredService<ICsvExporter>()
            .ExportExtractedMarketsAsync(TestData.Markets(TestData.Row()), CancellationToken.None);

        Assert.Equal(Path.Combine(_temp.Path, "exports", "markets_extracted.csv"), path);
        Assert.Equal([$"Exported 1 rows to {path}"], logger.Messages);
    }

    [Fact]
    public async Task AddFileStorage_TradingStore_OneInstanceWhoseLedgerWritesInTheFolder()
    {
        var root = Path.Combine(_temp.Path, "data");
        await using var services = new ServiceCollection()
            .AddFileStorage(root)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        var store = services.GetRequiredService<ITradingStore>();
        await store.Ledger.AppendAsync(TradingData.Trade(1), CancellationToken.None);

        Assert.IsType<FileTradingStore>(store);
        Assert.Same(store, services.GetRequiredService<ITradingStore>());
        Assert.Same(store, services.GetRequiredService<FileTradingStore>());
        Assert.Equal([TradingData.Trade(1)], await services.GetRequiredService<ITradingStore>().Ledger.ReadAllAsync(CancellationToken.None));
        Assert.True(File.Exists(Path.Combine(root, "trades", "paper_trades.json")));
    }
}
