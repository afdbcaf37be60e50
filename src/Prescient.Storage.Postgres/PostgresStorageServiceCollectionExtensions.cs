using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using Prescient.Engine.Runs;
using Prescient.Engine.Storage;
using Prescient.Storage.Files;
using Prescient.Storage.Files.Markets;

namespace Prescient.Storage.Postgres;

public static class PostgresStorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the PostgreSQL store at <paramref name="connectionString"/> for the ports every process
    /// shares: the trading state and ledger, the history, the run log, the market documents, their
    /// freshness, and the <see cref="IStoreLease"/> that makes the use-cases of all processes take turns.
    /// Call it before <c>AddFileStorage</c>, which fills in the rest (this machine's CSV exports, logs,
    /// price-history cache and reports) and whose registrations yield to these.
    /// </summary>
    public static IServiceCollection AddPostgresStorage(this IServiceCollection services, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        services.TryAddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        services.TryAddSingleton<ITradingStore, PostgresTradingStore>();
        services.TryAddSingleton<IHistoryStore, PostgresHistoryStore>();
        services.TryAddSingleton<IRunLog, PostgresRunLog>();
        services.TryAddSingleton<IDataFreshness, PostgresDataFreshness>();
        services.TryAddSingleton<IStoreLease, PostgresLease>();
        services.TryAddSingleton<IStoreStartup, PostgresStoreStartup>();
        services.TryAddSingleton<IStateDocuments, PostgresStateDocuments>();
        services.TryAddSingleton<ILedgerNotifications, PostgresLedgerNotifications>();
        services.TryAddSingleton<IMarketDataStore>(sp => new PostgresMarketDataStore(
            sp.GetRequiredService<FileMarketDataStore>(), sp.GetRequiredService<DataFolder>(), sp.GetRequiredService<NpgsqlDataSource>()));
        return services;
    }
}
