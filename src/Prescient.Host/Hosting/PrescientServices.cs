using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Prescient.Engine;
using Prescient.Engine.Exits;
using Prescient.Engine.Filters;
using Prescient.Engine.Intraday;
using Prescient.Engine.Backtest;
using Prescient.Engine.MarketHistory;
using Prescient.Engine.Markets;
using Prescient.Engine.Signals;
using Prescient.Engine.Sweeps;
using Prescient.Engine.Trading;
using Prescient.Host.Scheduling;
using Prescient.Host.Sweeps;
using Prescient.Host.Workers;
using Prescient.Polymarket;
using Prescient.Reports;
using Prescient.Storage.Files;
using Prescient.Storage.Influx;
using Prescient.Storage.Postgres;

namespace Prescient.Host.Hosting;

public static class PrescientServices
{
    /// <summary>Wires the engine, the store (the data folder; PostgreSQL for the shared ports with <c>--store postgres</c>), the time series (InfluxDB, when <c>TimeSeries:InfluxUrl</c> is set), the schedule (not the scheduler: see <c>AddPrescientScheduler</c>) and the Polymarket client pointed at <paramref name="backend"/>.</summary>
    public static IServiceCollection AddPrescient(
        this IServiceCollection services,
        IConfiguration configuration,
        PrescientSettings settings,
        MarketBackend backend)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(backend);
        services.AddSingleton(settings);
        services.AddSingleton(backend.Info);
        services.AddPrescientOptions(configuration);
        services.AddPrescientEngine();
        services.AddSingleton<ISweepBacktests, ConfiguredSweepBacktests>();
        services.AddSingleton<SweepService>();
        if (!string.IsNullOrWhiteSpace(configuration[$"{InfluxOptions.SectionName}:{nameof(InfluxOptions.InfluxUrl)}"]))
        {
            services.AddInfluxTimeSeries(options => configuration.GetSection(InfluxOptions.SectionName).Bind(options));
        }

        services.AddSingleton<StartupRecovery>();
        if (settings.IsPostgres)
        {
            // Before the file store, whose registrations yield to these for the ports every process shares.
            services.AddPostgresStorage(settings.PostgresConnection!);
        }

        services.AddFileStorage(settings.DataDirectory);
        if (configuration.GetSection(BusOptions.SectionName).Get<BusOptions>() is { IsRedis: true })
        {
            services.AddPrescientBus(configuration);
        }
        services.AddPrescientReports();
        services.AddPrescientSchedule(configuration);
        if (!backend.IsReached)
        {
            // Before the Polymarket registration, which adds its own source only when none is there.
            services.AddSingleton<IMarketSource>(new UnreachedMarketSource(backend.Info));
        }

        services.AddPolymarket(options =>
        {
            configuration.GetSection("Polymarket").Bind(options);
            options.GammaUrl = backend.GammaUrl;
            options.ClobUrl = backend.ClobUrl;
            options.DataApiUrl = backend.DataApiUrl;
            options.Source = backend.Info;
        });
        return services;
    }

    /// <summary>Binds and validates every options section of <paramref name="configuration"/> (strategy, trading, exits, intraday, history, backtest), as the app and each sweep point use them.</summary>
    public static IServiceCollection AddPrescientOptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TradingFilterOptions>().Bind(configuration.GetSection(TradingFilterOptions.SectionName));
        services.AddSingleton<IValidateOptions<TradingFilterOptions>>(new Validator<TradingFilterOptions>(o => o.Validate()));
        services.AddOptions<ThresholdStrategyOptions>().Bind(configuration.GetSection(ThresholdStrategyOptions.SectionName));
        services.AddSingleton<IValidateOptions<ThresholdStrategyOptions>>(new Validator<ThresholdStrategyOptions>(o => o.Validate()));
        services.AddOptions<FavouriteStrategyOptions>().Bind(configuration.GetSection(FavouriteStrategyOptions.SectionName));
        services.AddSingleton<IValidateOptions<FavouriteStrategyOptions>>(new Validator<FavouriteStrategyOptions>(o => o.Validate()));
        services.AddOptions<StrategySelectionOptions>().Bind(configuration.GetSection(StrategySelectionOptions.SectionName));

        // A strategy of the user's own (Strategy:Assembly) may read its settings from here.
        services.TryAddSingleton(configuration);
        services.AddOptions<TradingOptions>().Bind(configuration.GetSection(TradingOptions.SectionName));
        services.AddSingleton<IValidateOptions<TradingOptions>>(new Validator<TradingOptions>(o => o.Validate()));
        services.AddOptions<ExitOptions>().Bind(configuration.GetSection(ExitOptions.SectionName));
        services.AddSingleton<IValidateOptions<ExitOptions>>(new Validator<ExitOptions>(o => o.Validate()));
        services.AddOptions<IntradayOptions>().Bind(configuration.GetSection(IntradayOptions.SectionName));
        services.AddSingleton<IValidateOptions<IntradayOptions>>(new Validator<IntradayOptions>(o => o.Validate()));
        services.AddOptions<HistoryFetchOptions>().Bind(configuration.GetSection(HistoryFetchOptions.SectionName));
        services.AddSingleton<IValidateOptions<HistoryFetchOptions>>(new Validator<HistoryFetchOptions>(o => o.Validate()));
        services.AddOptions<BacktestOptions>().Bind(configuration.GetSection(BacktestOptions.SectionName));
        services.AddSingleton<IValidateOptions<BacktestOptions>>(new Validator<BacktestOptions>(o => o.Validate()));
        return services;
    }

    /// <summary>Adapts an options record's own <c>Validate()</c> (a one-line problem or null) to the options pipeline.</summary>
    private sealed class Validator<T>(Func<T, string?> validate) : IValidateOptions<T>
        where T : class
    {
        public ValidateOptionsResult Validate(string? name, T options) =>
            validate(options) is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
    }
}
