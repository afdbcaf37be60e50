using Microsoft.Extensions.Options;
using Prescient.Domain.Books;
using Prescient.Domain.Markets;
using Prescient.Domain.Positions;
using Prescient.Domain.Signals;
using Prescient.Domain.Trading;
using Prescient.Engine.Backtest;
using Prescient.Engine.Markets;
using Prescient.Engine.Storage;
using Prescient.Engine.Signals;
using Prescient.Engine.Trading;
using Prescient.Testing;
using Prescient.Testing.Fakes;

namespace Prescient.Engine.Tests.Backtest;

/// <summary>
/// A built-in strategy in a backtest reads its quotes as values (<see cref="IRuleStrategy"/>); the same strategy
/// hidden behind a plain <see cref="IStrategy"/> is asked through <see cref="IStrategy.Generate"/> with quote
/// objects and rows as of now. Both must give the same run, record for record and decimal for decimal.
/// </summary>
public sealed class BacktestRulePathTests
{
    /// <summary>Name, selection, markets per event, and the total exposure limit: 250 USDC is reached after two buys of 100, and holds the account full for most of the run.</summary>
    public static TheoryData<string, MarketSelectionRule, int, decimal> Strategies => new()
    {
        { "threshold buy_no", MarketSelectionRule.HighestLiquidity, 1, 8_000m },
        { "threshold buy_yes", MarketSelectionRule.SoonestEnd, 2, 8_000m },
        { "threshold last_trade", MarketSelectionRule.HighestVolume, 1, 8_000m },
        { "favourite", MarketSelectionRule.HighestLiquidity, 1, 8_000m },
        { "favourite", MarketSelectionRule.SoonestEnd, 3, 8_000m },
        { "threshold buy_no", MarketSelectionRule.HighestLiquidity, 1, 250m },
        { "threshold buy_yes", MarketSelectionRule.SoonestEnd, 2, 250m },
        { "favourite", MarketSelectionRule.SoonestEnd, 3, 250m },
    };

    [Theory]
    [MemberData(nameof(Strategies))]
    public async Task RunAsync_BuiltInStrategy_GivesTheRunOfTheSameStrategyAskedThroughGenerate(string name, MarketSelectionRule selection, int perEvent, decimal maxTotalExposure)
    {
        var strategy = Strategy(name, selection, perEvent);
        Assert.IsAssignableFrom<IRuleStrategy>(strategy);
        var harness = Universe();

        var values = await RunAsync(harness, strategy, maxTotalExposure);
        var objects = await RunAsync(harness, new Opaque(strategy), maxTotalExposure);

        Assert.NotEmpty(values.Trades);
        Assert.Contains(values.Trades, t => t.FillModel == FillModel.Resolution);
        Assert.NotEmpty(values.Rejections);
        if (maxTotalExposure < 300m)
        {
            // Full for most of the run: the steps the built-in path counts without building a signal are most of its refusals.
            Assert.True(values.Rejections.GetValueOrDefault(RejectionReason.TotalExposureLimit) > values.Rejections.Where(r => r.Key != RejectionReason.TotalExposureLimit).Sum(r => r.Value));
        }

        Assert.Equal(Text(objects.Trades), Text(values.Trades));
        Assert.Equal(Text(objects.Days), Text(values.Days));
        Assert.Equal(objects.Rejections.OrderBy(r => r.Key), values.Rejections.OrderBy(r => r.Key));
        Assert.Equal((objects.Signals, objects.MarketEvaluations, objects.PointsPassed), (values.Signals, values.MarketEvaluations, values.PointsPassed));
    }

    /// <summary>24 markets in 8 events over 20 days: prices sweeping (hourly or held for two or three hours) 0.05–0.95 on 1- and 0.5-cent grids, liquidity, volume and ends apart, some resolving early, some with hours missing (stale quotes).</summary>
    private static BacktestHarness Universe()
    {
        var harness = new BacktestHarness();
        for (var i = 0; i < 24; i++)
        {
            var id = i.ToString("00", System.Globalization.CultureInfo.InvariantCulture);
            var resolves = i % 2 == 0 ? (decimal?)(i % 4 == 0 ? 1m : 0m) : null;
            var hours = resolves is null ? 20 * 24 : (4 + (i % 8 * 2)) * 24;
            var row = harness.AddMarket("e" + (i / 3), id, h => Price(i, h), hours, resolves);
            harness.Rows[^1] = row with
            {
                Liquidity = i % 5 == 0 ? null : 1_000m + (i * 37 % 11),
                Volume = 10_000m + (i % 3),
                EndDate = BacktestHarness.Start.AddDays(10 + (i * 7 % 5)),
                TickSize = i % 6 == 5 ? 0.005m : 0.01m,
            };
            if (i % 7 == 3)
            {
                // Hours 5–8 of every third day missing: the quote goes stale and comes back.
                harness.History.Points[row.YesTokenId!.Value].RemoveAll(p => p.Time.Day % 3 == 0 && p.Time.Hour is >= 5 and <= 8);
            }
        }

        return harness;
    }

    /// <summary>A walk that moves every hour, every second or every third hour (a refused market whose price holds is asked again all the same).</summary>
    private static decimal Price(int market, int hour)
    {
        hour /= 1 + (market % 3);
        var wave = ((hour * (market + 3)) + (market * 11)) % 91;
        return 0.05m + (wave / 100m) + (market % 6 == 5 ? 0.005m : 0m);
    }

    private static async Task<BacktestResult> RunAsync(BacktestHarness harness, IStrategy strategy, decimal maxTotalExposure)
    {
        var store = new InMemoryMarketDataStore { Markets = new MarketsSnapshot(BacktestHarness.Start.AddDays(60), MarketSourceInfo.Sample, harness.Rows) };
        var trading = new TradingOptions { InitialCash = 900m, MaxTotalExposure = maxTotalExposure };
        var service = new BacktestService(store, [strategy], Options.Create(trading), Options.Create(new BacktestOptions { Step = TimeSpan.FromHours(1), MaxPriceAge = TimeSpan.FromHours(2) }), new FrozenClock(BacktestHarness.Start));
        var day = DateOnly.FromDateTime(BacktestHarness.Start.UtcDateTime);
        return await service.RunAsync(new BacktestRequest(day, day.AddDays(19)), harness.History, null, CancellationToken.None);
    }

    private static IStrategy Strategy(string name, MarketSelectionRule selection, int perEvent) => name switch
    {
        "favourite" => new FavouriteStrategy(Options.Create(new FavouriteStrategyOptions { Selection = selection, MarketsPerEvent = perEvent, MinPrice = 0.55m, MaxPrice = 0.93m })),
        _ => new ThresholdStrategy(Options.Create(new ThresholdStrategyOptions
        {
            Selection = selection,
            MarketsPerEvent = perEvent,
            Side = name.EndsWith("buy_yes", StringComparison.Ordinal) ? SignalAction.BuyYes : SignalAction.BuyNo,
            YesPriceSource = name.EndsWith("last_trade", StringComparison.Ordinal) ? YesPriceSource.LastTrade : YesPriceSource.Mid,
        })),
    };

    /// <summary>Every record in full: decimals by their text, so 0.5 and 0.50 differ.</summary>
    private static string[] Text<T>(IEnumerable<T> records) => [.. records.Select(r => r!.ToString()!)];

    /// <summary>The strategy with nothing but <see cref="IStrategy"/> showing.</summary>
    private sealed class Opaque(IStrategy inner) : IStrategy
    {
        public string Name => inner.Name;

        public IReadOnlyDictionary<string, string> Settings => inner.Settings;

        public StrategyResult Generate(StrategyContext context) => inner.Generate(context);

        public SkippedMarket? Recheck(Signal signal, Market market, OrderBook yes, OrderBook no, Portfolio portfolio, DateTimeOffset now) =>
            inner.Recheck(signal, market, yes, no, portfolio, now);
    }
}
