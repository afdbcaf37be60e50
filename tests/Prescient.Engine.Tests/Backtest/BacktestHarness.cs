using Microsoft.Extensions.Options;
using Prescient.Engine.Backtest;
using Prescient.Engine.Exits;
using Prescient.Engine.Extraction;
using Prescient.Engine.Markets;
using Prescient.Engine.MarketHistory;
using Prescient.Engine.Signals;
using Prescient.Engine.Storage;
using Prescient.Engine.Trading;
using Prescient.Testing;
using Prescient.Testing.Builders;
using Prescient.Testing.Fakes;

namespace Prescient.Engine.Tests.Backtest;

/// <summary>Markets of the last refresh, an in-memory history of hourly YES prices, and a service to replay them.</summary>
internal sealed class BacktestHarness
{
    public static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public InMemoryMarketHistory History { get; } = new();

    public List<MarketRow> Rows { get; } = [];

    public MarketRow AddMarket(string eventId, string marketId, Func<int, decimal> yesPriceAtHour, int hours, decimal? resolvesYes = null)
    {
        var row = MarketRows.Binary(eventId, marketId, Start);
        Rows.Add(row);
        for (var h = 0; h < hours; h++)
        {
            History.Add(row.YesTokenId!.Value, Start.AddHours(h), yesPriceAtHour(h));
        }

        if (resolvesYes is { } yes)
        {
            History.Resolutions[row.YesTokenId!.Value] = new HistoryResolution(yes, "test");
            History.Resolutions[row.NoTokenId!.Value] = new HistoryResolution(1m - yes, "test");
        }

        return row;
    }

    public BacktestService Service(IStrategy? strategy = null, BacktestOptions? options = null, ExitOptions? exits = null)
    {
        var store = new InMemoryMarketDataStore
        {
            Markets = new MarketsSnapshot(Start.AddDays(60), MarketSourceInfo.Sample, Rows),
        };
        strategy ??= new ThresholdStrategy(Options.Create(new ThresholdStrategyOptions()));
        return new BacktestService(store, [strategy], Options.Create(new TradingOptions()), Options.Create(options ?? new BacktestOptions()), new FrozenClock(Start), exits: exits is null ? null : Options.Create(exits));
    }

    public Task<BacktestResult> RunAsync(int days, IStrategy? strategy = null, BacktestOptions? options = null, ExitOptions? exits = null) =>
        Service(strategy, options, exits).RunAsync(new BacktestRequest(DateOnly.FromDateTime(Start.UtcDateTime), DateOnly.FromDateTime(Start.UtcDateTime).AddDays(days - 1)), History, null, CancellationToken.None);
}
