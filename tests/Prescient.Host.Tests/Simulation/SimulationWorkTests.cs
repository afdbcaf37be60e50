using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Prescient.Host.Simulation;
using Prescient.Sample.Server;
using Prescient.Testing;

namespace Prescient.Host.Tests.Simulation;

/// <summary>
/// A regression guard on the work a simulation does: the requests it sends the sample market, by
/// route, counted exactly (a count of work, never a time), and proof that the client-side rate
/// limits, which count over a wall-clock window, do not hold a simulated day's requests.
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

    private async Task<SimulationResult> SimulateAsync(int days, Dictionary<string, string?> settings, CancellationToken cancellationToken = default)
    {
        settings["Data"] = _dir.Path;
        settings["Sample:Events"] = "120";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return await SimulationRunner.RunAsync(configuration, new SimulationOptions { Days = days }, static _ => { }, null, cancellationToken);
    }

    public void Dispose() => _dir.Dispose();
}
