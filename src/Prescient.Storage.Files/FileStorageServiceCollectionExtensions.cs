using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Prescient.Engine.Backtest;
using Prescient.Engine.MarketHistory;
using Prescient.Engine.Runs;
using Prescient.Engine.Storage;
using Prescient.Storage.Files.Exports;
using Prescient.Storage.Files.History;
using Prescient.Storage.Files.MarketHistory;
using Prescient.Storage.Files.Markets;
using Prescient.Storage.Files.PriceHistory;
using Prescient.Storage.Files.Runs;
using Prescient.Storage.Files.Status;
using Prescient.Storage.Files.Trading;

namespace Prescient.Storage.Files;

public static class FileStorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the file store rooted at <paramref name="dataDirectory"/>: <see cref="DataFolder"/>,
    /// <see cref="IMarketDataStore"/>, <see cref="ITradingStore"/> and <see cref="IHistoryStore"/> (one
    /// per process: they hold their append-only files' state), <see cref="ICsvExporter"/>, <see cref="IRunLog"/>, <see cref="IDataFreshness"/>,
    /// the price-history cache (<see cref="IPriceHistoryCache"/>) and the two market histories
    /// (<see cref="CachedMarketHistory"/>, <see cref="DailyPricesMarketHistory"/>), as singletons. Acquiring the
    /// <see cref="DataFolderLock"/> stays with the host, which holds it for its lifetime.
    /// </summary>
    public static IServiceCollection AddFileStorage(this IServiceCollection services, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        services.TryAddSingleton(new DataFolder(dataDirectory));
        services.TryAddSingleton<FileMarketDataStore>();
        services.TryAddSingleton<IMarketDataStore>(sp => sp.GetRequiredService<FileMarketDataStore>());
        services.TryAddSingleton<FileTradingStore>();
        services.TryAddSingleton<ITradingStore>(sp => sp.GetRequiredService<FileTradingStore>());
        services.TryAddSingleton<FileHistoryStore>();
        services.TryAddSingleton<IHistoryStore>(sp => sp.GetRequiredService<FileHistoryStore>());
        services.TryAddSingleton<CsvExporter>();
        services.TryAddSingleton<ICsvExporter>(sp => sp.GetRequiredService<CsvExporter>());
        services.TryAddSingleton<FileRunLog>();
        services.TryAddSingleton<IRunLog>(sp => sp.GetRequiredService<FileRunLog>());
        services.TryAddSingleton<IDataFreshness, FileDataFreshness>();
        services.TryAddSingleton<IStoreStartup, FileStoreStartup>();
        services.TryAddSingleton<IStateDocuments, FileStateDocuments>();
        services.TryAddSingleton<IPriceHistoryCache, FilePriceHistoryCache>();
        services.TryAddSingleton<CachedMarketHistory>();
        services.TryAddSingleton<DailyPricesMarketHistory>();
        services.TryAddSingleton<Engine.Backtest.Recorded.IMarketTapeStore, Markets.MarketTapeFiles>();
        services.TryAddSingleton<IBacktestReports, Backtests.BacktestFiles>();
        services.TryAddSingleton<Backtests.SweepFiles>();
        services.TryAddSingleton<Engine.Trading.Audit.IFillsAuditReports, Audit.FillsAuditFiles>();
        return services;
    }
}
