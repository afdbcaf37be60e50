using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Prescient.Engine.Backtest.Recorded;
using Prescient.Engine.Calendar;
using Prescient.Engine.Cycle;
using Prescient.Engine.History;
using Prescient.Engine.Markets;
using Prescient.Engine.Storage;
using Prescient.Engine.Performance;
using Prescient.Reports;
using Prescient.Host.Hosting;
using Prescient.Host.Scheduling;
using Prescient.Host.Workers;
using Prescient.Storage.Files;

namespace Prescient.Host.Simulation;

/// <summary>
/// <c>prescient simulate</c>: N days of the sample market on a simulated clock — each day the morning
/// cycle (refresh, signals, execute with settlement, exports) then the end of day, at their local
/// times in the schedule's time zone — in a fresh data
/// folder, through the same use-cases the scheduler runs. Deterministic for a given seed and options.
/// </summary>
public static class SimulationRunner
{
    public static async Task<SimulationResult> RunAsync(
        IConfiguration configuration,
        SimulationOptions options,
        Action<ILoggingBuilder> logging,
        IProgress<SimulationProgress>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Validate() is { } problem)
        {
            throw new SettingsException(problem);
        }

        var settings = PrescientSettings.From(configuration);
        if (!settings.IsSample || settings.GammaUrl is not null || settings.ClobUrl is not null)
        {
            throw new SettingsException("simulate runs on the in-process sample market: leave --source, --gamma-url and --clob-url unset.");
        }

        RequireFresh(new DataFolder(settings.DataDirectory));
        var calendar = Calendar(configuration);
        var clock = new SimulationClock(options.At(0, options.CycleTime, calendar));
        var recorder = options.Record ? new MarketTapeRecorder(clock) : null;
        await using var runtime = await PrescientRuntime.StartAsync(WithoutClientRateLimits(configuration), logging, cancellationToken, clock, services: recorder is null ? null : s => Recording(s, recorder));
        var cycle = runtime.Services.GetRequiredService<CycleService>();
        var endOfDay = runtime.Services.GetRequiredService<EndOfDayService>();
        var bus = runtime.Services.GetService<BusCycles>();
        if (bus is not null && settings.IsPostgres && await runtime.Services.GetRequiredService<IStoreStartup>().HasTradingStateAsync(cancellationToken))
        {
            throw new SettingsException("the PostgreSQL store already holds trading history; simulate needs an empty one: pass --pg with a new database.");
        }

        var tapes = runtime.Services.GetRequiredService<IMarketTapeStore>();
        var market = runtime.Services.GetRequiredService<IMarketDataStore>();
        int trades = 0, settlements = 0;
        for (var day = 0; day < options.Days; day++)
        {
            clock.SetUtcNow(options.At(day, options.CycleTime, calendar));
            if (bus is not null)
            {
                // With --bus redis the morning is a cycle on the bus, its stages run by an in-process worker on this clock.
                var (bought, settled) = await bus.RunAsync(cancellationToken);
                trades += bought;
                settlements += settled;
            }
            else
            {
                var morning = await cycle.RunAsync(null, cancellationToken);
                trades += morning.Trades;
                settlements += morning.Settlements;
            }

            var steps = recorder is null ? null : new List<MarketTapeStep>
            {
                recorder.Take(MarketTapeStepKind.Cycle, await market.ReadMarketsAsync(cancellationToken), (await market.ReadQuotesAsync(cancellationToken))?.Quotes),
            };
            clock.SetUtcNow(options.At(day, options.EndOfDayTime, calendar));
            var evening = await endOfDay.RunAsync(cancellationToken);
            settlements += evening.Settlements.Count;
            if (recorder is not null && steps is not null)
            {
                steps.Add(recorder.Take(MarketTapeStepKind.EndOfDay));
                await tapes.WriteAsync(new MarketTapeDay(evening.Date, runtime.Backend.Info, steps), cancellationToken);
            }

            progress?.Report(new SimulationProgress(day + 1, options.Days, evening.Date, evening.Snapshot.Equity, trades, settlements));
        }

        var performance = await runtime.Services.GetRequiredService<PerformanceService>().GetAsync(cancellationToken);
        var report = await runtime.Services.GetRequiredService<ReportService>().WriteAsync(cancellationToken);
        var requests = runtime.Backend.Sample?.Stats.RequestsByRoute ?? new Dictionary<string, long>();
        return new SimulationResult(options, settings.SampleSeed, settings.DataDirectory, trades, settlements, performance, report) { Requests = requests };
    }

    /// <summary>Every market source reply goes through <see cref="RecordingMarketSource"/> to <paramref name="recorder"/>.</summary>
    private static void Recording(IServiceCollection services, MarketTapeRecorder recorder)
    {
        services.AddSingleton<IMarketSource>(sp => new RecordingMarketSource(sp.GetRequiredService<Polymarket.PolymarketMarketSource>(), recorder));
    }

    /// <summary>
    /// The client-side rate limits count requests over a wall-clock window; a simulated day passes in
    /// about a second, so they would hold its requests for seconds that are hours on its clock, and
    /// the in-process sample market has no limit of its own (see <c>Polymarket:ClientRateLimits</c>).
    /// </summary>
    private static IConfiguration WithoutClientRateLimits(IConfiguration configuration) =>
        new ConfigurationBuilder()
            .AddConfiguration(configuration)
            .AddInMemoryCollection([new("Polymarket:ClientRateLimits", "false")])
            .Build();

    /// <summary>The schedule's calendar, read before the runtime starts: the clock starts at the first morning in its zone.</summary>
    private static TradingCalendar Calendar(IConfiguration configuration)
    {
        var schedule = configuration.GetSection(ScheduleOptions.SectionName).Get<ScheduleOptions>() ?? new ScheduleOptions();
        try
        {
            return schedule.CreateCalendar();
        }
        catch (ArgumentException e)
        {
            throw new SettingsException(e.Message, e);
        }
    }

    /// <summary>A simulation writes a whole history from its first day: it will not mix into a folder that already has one.</summary>
    private static void RequireFresh(DataFolder folder)
    {
        var existing = new[] { folder.PaperTrades, folder.PortfolioHistory }.FirstOrDefault(File.Exists);
        if (existing is not null)
        {
            throw new SettingsException(
                $"{folder.Root} already holds trading history ({Path.GetFileName(existing)}); simulate needs a fresh data folder: pass --data with a new or empty folder.");
        }
    }
}

/// <summary>What a simulation did: its options and seed, where it wrote, trades and settlements made, and the performance over its days.</summary>
public sealed record SimulationResult(
    SimulationOptions Options,
    int Seed,
    string DataDirectory,
    int Trades,
    int Settlements,
    PerformanceReport Performance,
    ReportFiles Report)
{
    /// <summary>The requests the sample market served over the whole run, by route (a regression guard counts them).</summary>
    public IReadOnlyDictionary<string, long> Requests { get; init; } = new Dictionary<string, long>();
}
