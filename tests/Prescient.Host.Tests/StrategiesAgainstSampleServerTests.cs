using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Prescient.Domain.Trading;
using Prescient.Engine.Cycle;
using Prescient.Engine.History;
using Prescient.Engine.Positions;
using Prescient.Engine.Signals;
using Prescient.Engine.Storage;
using Prescient.Host.Hosting;
using Prescient.Sample.Server;
using Prescient.Testing;

namespace Prescient.Host.Tests;

/// <summary>
/// The strategies by name and the exit rules, over real HTTP against the sample server, with the
/// real data folder: the favourite strategy with every exit rule on for a run of days, a strategy
/// loaded from the sample assembly, and an unknown name.
/// </summary>
public sealed class StrategiesAgainstSampleServerTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task CycleAndEndOfDay_FavouriteWithExits_BuysSellsOnceAndTheLedgerReplays()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Strategy:Name"] = "favourite",
            ["Exits:TakeProfit"] = "0.02",
            ["Exits:StopLoss"] = "0.02",
            ["Exits:HoursBeforeEnd"] = "72",
        };
        await using var world = await SampleWorld.StartAsync(new SampleServerOptions { Events = 80, Seed = 5 }, Start, settings);
        var cycle = world.Services.GetRequiredService<CycleService>();
        var endOfDay = world.Services.GetRequiredService<EndOfDayService>();
        var trading = world.Services.GetRequiredService<ITradingStore>();
        var (buys, exits) = (0, 0);

        for (var day = 0; day < 6; day++)
        {
            // The re-run may sell what the first run bought (exits run before the buys); a third sells and buys nothing.
            var morning = await cycle.RunAsync(null, CancellationToken.None);
            var again = await cycle.RunAsync(null, CancellationToken.None);
            var third = await cycle.RunAsync(null, CancellationToken.None);
            Assert.Equal(0, again.Trades);
            Assert.Equal((0, 0), (third.Exits, third.Trades));
            Assert.All((await trading.ReadSignalsAsync(CancellationToken.None))!.Signals, s => Assert.Equal("favourite", s.Strategy));
            (buys, exits) = (buys + morning.Trades, exits + morning.Exits + again.Exits);
            world.Clock.Now += TimeSpan.FromHours(9);
            await endOfDay.RunAsync(CancellationToken.None);
            world.Clock.Now += TimeSpan.FromHours(15);
        }

        Assert.True(buys > 0, "the favourite strategy bought nothing");
        Assert.True(exits > 0, "no exit rule sold anything");
        var ledger = await trading.Ledger.ReadAllAsync(CancellationToken.None);
        var sells = ledger.Where(t => t.Kind == TradeKind.Sell).ToArray();
        Assert.Equal(exits, sells.Length);
        Assert.All(sells, s => Assert.Matches(@"^\d{8}-.+-sell_(take_profit|stop_loss|before_end)$", s.SignalId?.Value));
        Assert.Equal(sells.Length, sells.Select(s => s.SignalId).Distinct().Count());
        Assert.All(sells, s => Assert.True(s.Price.Value <= s.BestPrice!.Value.Value, $"{s.TradeId} sold at {s.Price} above the best bid {s.BestPrice}"));

        var check = await world.Services.GetRequiredService<PortfolioRecovery>().RecoverAsync(CancellationToken.None);
        Assert.True(check.IsConsistent, string.Join("; ", check.Differences));
        var initial = world.Services.GetRequiredService<IOptions<Engine.Trading.TradingOptions>>().Value.InitialCash;
        var cash = initial
            - ledger.Where(t => t.Kind == TradeKind.Buy).Sum(t => t.Cost.Value)
            - ledger.Sum(t => t.Fees.Value)
            + ledger.Where(t => t.Kind != TradeKind.Buy).Sum(t => t.Cost.Value);
        Assert.Equal(cash, check.Rebuilt!.Cash.Value);

        var csv = await File.ReadAllLinesAsync(Path.Combine(world.DataDirectory, "exports", "trades_summary.csv"));
        Assert.Equal(ledger.Count + 1, csv.Length);
        Assert.Equal(sells.Length, csv.Count(line => line.Contains(",sell,", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Cycle_TheSampleAssemblysStrategy_LoadedByNameYieldsSignalsAndFills()
    {
        var path = typeof(StrategiesAgainstSampleServerTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "SampleStrategyAssembly").Value!;
        Assert.True(File.Exists(path), $"the sample strategy is not built at {path}");
        var settings = new Dictionary<string, string?>
        {
            ["Strategy:Name"] = "longshot",
            ["Strategy:Assembly"] = path,
            ["Strategy:Longshot:Stake"] = "25",
        };
        await using var world = await SampleWorld.StartAsync(new SampleServerOptions { Events = 80, Seed = 5 }, Start, settings);

        var result = await world.Services.GetRequiredService<CycleService>().RunAsync(null, CancellationToken.None);

        var strategy = world.Services.GetRequiredService<IStrategy>();
        Assert.Equal("longshot", strategy.Name);
        Assert.Equal("Prescient.SampleStrategy.LongshotStrategy", strategy.GetType().FullName);
        Assert.Equal("25", strategy.Settings["stake"]);
        var signals = (await world.Services.GetRequiredService<ITradingStore>().ReadSignalsAsync(CancellationToken.None))!;
        Assert.Equal("longshot", signals.Strategy);
        Assert.NotEmpty(signals.Signals);
        Assert.True(result.Trades > 0, "no long-shot signal was filled");
        var ledger = await world.Services.GetRequiredService<ITradingStore>().Ledger.ReadAllAsync(CancellationToken.None);
        Assert.All(ledger, t => Assert.True(t.Cost.Value + t.Fees.Value <= 25m));
        Assert.All(ledger, t => Assert.InRange(t.Price.Value, 0.10m, 0.30m + new Engine.Trading.TradingOptions().MaxSlippage));
    }

    [Fact]
    public async Task StartAsync_UnknownStrategyName_StopsWithOneLineNamingTheKnownOnes()
    {
        using var dir = new TempDirectory();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Data"] = dir.Path, ["Sample:Events"] = "5", ["Strategy:Name"] = "momentum" })
            .Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(
            () => PrescientRuntime.StartAsync(configuration, _ => { }, CancellationToken.None, new FrozenClock(Start)));

        Assert.Equal("Strategy:Name 'momentum' is not a known strategy; known: favourite, threshold.", Assert.Single(error.Failures));
    }
}
