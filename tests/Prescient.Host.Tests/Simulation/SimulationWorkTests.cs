using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Prescient.Engine.Calendar;
using Prescient.Engine.Cycle;
using Prescient.Host.Hosting;
using Prescient.Host.Simulation;
using Prescient.Sample.Server;
using Prescient.Testing;

namespace Prescient.Host.Tests.Simulation;

/// <summary>
/// Regression guards on the work a simulation does, counted exactly (a count of work, never a time):
/// the requests it sends the sample market by route, and the files a cycle writes; and proof that the
/// client-side rate limits, which count over a wall-clock window, do not hold a simulated day's requests.
/// </summary>
public sealed class SimulationWorkTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task Simulate_ThreeDays_SendsExactlyTheseRequests()
    {
        var result = await SimulateAsync(3, []);

        // Each day: one keyset page of events and three POST /books (the refresh's quotes, the fills'
        // fresh books, the evening's marks), one Gamma lookup per held market in the morning's and the
        // evening's settlement, and the CLOB's confirmation of each market Gamma reports closed. A change
        // here is a change in the work per day: say why in the commit that changes it.
        Assert.Equal(
            new SortedDictionary<string, long>
            {
                [SampleRoutes.EventsKeyset] = 3,
                [SampleRoutes.Books] = 9,
                [SampleRoutes.MarketById] = 175,
                [SampleRoutes.ClobMarket] = 6,
            },
            new SortedDictionary<string, long>(result.Requests.ToDictionary()));
    }

    [Fact]
    public async Task Simulate_UnderAGammaMarketsLimitOfOnePerHour_IsNotHeldByIt()
    {
        // With the limits on, the second lookup of a held market would wait an hour of wall time.
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var result = await SimulateAsync(
            2,
            new() { ["Polymarket:GammaMarketsRateLimit"] = "1", ["Polymarket:RateLimitWindow"] = "01:00:00" },
            guard.Token);

        Assert.True(result.Requests[SampleRoutes.MarketById] > 1, "the second day looked up no held market");
    }

    [Fact]
    public async Task SecondCycleOfTheDay_WritesExactlyTheseFiles()
    {
        var configuration = Configuration(new() { ["Schedule:Enabled"] = "false" });
        var clock = new SimulationClock(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
        await using var runtime = await PrescientRuntime.StartAsync(configuration, static _ => { }, CancellationToken.None, clock);
        var cycle = runtime.Services.GetRequiredService<CycleService>();
        await cycle.RunAsync(null, CancellationToken.None);
        var before = Files();
        foreach (var path in before)
        {
            File.SetLastWriteTimeUtc(Path.Combine(_dir.Path, path), Untouched);
        }

        await cycle.RunAsync(null, CancellationToken.None);

        var written = Files().Where(f => File.GetLastWriteTimeUtc(Path.Combine(_dir.Path, f)) != Untouched).ToArray();

        // The same morning again, at the same instant: every signal already traded, so nothing is appended
        // to the ledger; the refresh's files (and that minute's full-events export), the signals, the
        // portfolio with its checkpoint and every CSV are written again, and the run log gets its record.
        // A change here is a change in the work per cycle: say why in the commit that changes it.
        Assert.Equal(
            [
                "events/filtered_events.json", "events/filtered_markets.json", "events/raw_events_backup.json",
                "exports/events_filtered.csv", "exports/events_full_20260105_090000.csv", "exports/markets_current.csv",
                "exports/markets_extracted.csv", "exports/performance_daily.csv", "exports/portfolio_history.csv",
                "exports/positions_current.csv", "exports/signals_current.csv", "exports/trades_summary.csv",
                "history/run_log.json", "markets/market_cache.json", "trades/current_signals.json",
                "trades/ledger_checkpoint.json", "trades/portfolio.json",
            ],
            written);
        Assert.Contains("trades/paper_trades.json", before);
    }

    private static readonly DateTime Untouched = new(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Every file of the data folder but the logs and the lock files, sorted.</summary>
    private string[] Files() =>
        Directory.EnumerateFiles(_dir.Path, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(_dir.Path, path).Replace('\\', '/'))
            .Where(name => !name.StartsWith("logs/", StringComparison.Ordinal) && !name.StartsWith('.'))
            .Order(StringComparer.Ordinal)
            .ToArray();

    private IConfiguration Configuration(Dictionary<string, string?> settings)
    {
        settings["Data"] = _dir.Path;
        settings["Sample:Events"] = "120";
        return new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
    }

    private async Task<SimulationResult> SimulateAsync(int days, Dictionary<string, string?> settings, CancellationToken cancellationToken = default)
    {
        var configuration = Configuration(settings);
        return await SimulationRunner.RunAsync(configuration, new SimulationOptions { Days = days }, static _ => { }, null, cancellationToken);
    }

    public void Dispose() => _dir.Dispose();
}
