using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Prescient.Engine.Backtest;
using Prescient.Engine.Calendar;
using Prescient.Engine.Cycle;
using Prescient.Engine.Dashboard;
using Prescient.Engine.Exits;
using Prescient.Engine.Exports;
using Prescient.Engine.History;
using Prescient.Engine.Intraday;
using Prescient.Engine.MarketHistory;
using Prescient.Engine.Performance;
using Prescient.Engine.Positions;
using Prescient.Engine.Quotes;
using Prescient.Engine.Refresh;
using Prescient.Engine.Runs;
using Prescient.Engine.Settlement;
using Prescient.Engine.Signals;
using Prescient.Engine.Status;
using Prescient.Engine.TimeSeries;
using Prescient.Engine.Trading;

namespace Prescient.Engine;

public static class EngineServiceCollectionExtensions
{
    /// <summary>
    /// Registers the use-cases and the strategy <c>Strategy:Name</c> names (<see cref="StrategyCatalog"/>:
    /// <see cref="ThresholdStrategy"/> by default) as <see cref="IStrategy"/>, unless one is registered already. Ports (market source, stores,
    /// exporter, run log, data freshness, run schedule, time-series sink: none by default) come from adapter projects and the host; options (<see cref="ThresholdStrategyOptions"/>,
    /// Trading.TradingOptions, …) are bound by the host.
    /// </summary>
    public static IServiceCollection AddPrescientEngine(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);

        // UTC days unless the host registers the schedule's calendar (it replaces this one).
        services.TryAddSingleton(TradingCalendar.Utc);

        // No time series unless an adapter (Prescient.Storage.Influx) registers its sink.
        services.TryAddSingleton<ITimeSeriesSink>(NoTimeSeriesSink.Instance);
        services.AddSingleton<EventsRefresh>();
        services.AddSingleton<QuotesRefresh>();
        services.AddSingleton<UseCaseGate>();
        services.AddSingleton<RefreshService>();
        services.TryAddSingleton<IStrategy>(StrategyCatalog.Create);
        services.AddSingleton<SignalService>();

        // The host binds and validates the options; AddOptions makes them resolvable (defaults) without it.
        services.AddOptions<TradingOptions>();
        services.AddOptions<ThresholdStrategyOptions>();
        services.AddOptions<FavouriteStrategyOptions>();
        services.AddOptions<StrategySelectionOptions>();
        services.AddSingleton<PaperExecutor>();
        services.AddOptions<ExitOptions>();
        services.AddSingleton<ExitExecutor>();
        services.AddSingleton<SettlementService>();
        services.AddSingleton<ExecutionActivity>();
        services.AddSingleton<ExecutionService>();
        services.AddSingleton<PortfolioService>();
        services.AddSingleton<PortfolioRecovery>();
        services.AddSingleton<PerformanceService>();
        services.AddSingleton<ExportService>();
        services.AddSingleton<EndOfDayService>();
        services.AddSingleton<RunRecorder>();
        services.AddSingleton<RunGuard>();
        services.AddSingleton<CycleService>();
        services.AddSingleton<StatusService>();
        services.AddSingleton<LiveBooks>();
        services.AddOptions<IntradayOptions>();
        services.AddSingleton<IntradayService>();
        services.AddSingleton<DashboardService>();
        services.AddOptions<HistoryFetchOptions>();
        services.AddSingleton<HistoryFetchService>();
        services.AddOptions<BacktestOptions>();
        services.AddSingleton<BacktestService>();
        services.AddSingleton<Backtest.Recorded.RecordedBacktestService>();
        services.AddSingleton<Trading.Audit.FillsAuditService>();
        return services;
    }
}
