using Microsoft.Extensions.DependencyInjection;
using Prescient.Domain.Ids;
using Prescient.Engine.Markets;
using Prescient.Engine.Quotes;
using Prescient.Engine.Storage;
using Prescient.Engine.TimeSeries;
using Prescient.Storage.Influx;

namespace Prescient.Integration.Tests.Influx;

/// <summary>The sink against the real InfluxDB 1.x of <c>scripts/services up</c>: what is written reads back, exactly. Each test writes under a source name of its own.</summary>
public sealed class InfluxSinkTests : IAsyncDisposable
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 9, 30, 15, 123, TimeSpan.Zero);
    private readonly CancellationToken _deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;
    private readonly MarketSourceInfo _source = new("it-" + Guid.NewGuid().ToString("N"), IsSimulated: true);
    private readonly ServiceProvider _services = new ServiceCollection()
        .AddLogging()
        .AddInfluxTimeSeries(o => o.InfluxUrl = RealServers.InfluxDb.ToString())
        .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

    [Fact]
    public async Task RecordQuotes_ThenFlush_ReadsBackEveryPriceExactlyWithItsTags()
    {
        var sink = _services.GetRequiredService<ITimeSeriesSink>();
        sink.RecordQuotes(
            [
                Quote("1001", "Team A, B=C \"x\"", bid: 0.43m, ask: 0.4500m),
                Quote("1002", "No", bid: 0.001m, ask: null),
                Quote("1003", "Yes", bid: null, ask: null),
            ],
            At,
            _source);
        await _services.GetRequiredService<InfluxLineWriter>().FlushAsync(_deadline);

        var rows = await InfluxQuery.RowsAsync(
            $"SELECT best_bid, best_ask, mid, spread, token_id, market_id, outcome FROM quote WHERE source = {InfluxQuery.Quote(_source.Name)} ORDER BY time");

        Assert.Equal(2, rows.Count);
        var first = rows.Single(r => r["token_id"].GetString() == "1001");
        Assert.Equal(At.ToUnixTimeMilliseconds(), first["time"].GetInt64());
        Assert.Equal((0.43m, 0.45m, 0.44m, 0.02m), (first["best_bid"].GetDecimal(), first["best_ask"].GetDecimal(), first["mid"].GetDecimal(), first["spread"].GetDecimal()));
        Assert.Equal(("market-1001", "Team A, B=C \"x\""), (first["market_id"].GetString(), first["outcome"].GetString()));
        var second = rows.Single(r => r["token_id"].GetString() == "1002");
        Assert.Equal(0.001m, second["best_bid"].GetDecimal());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, second["best_ask"].ValueKind);
        Assert.Equal(new TimeSeriesCounters(2, 2, 0, 0), sink.Counters);
    }

    [Fact]
    public async Task RecordPortfolio_ThenFlush_ReadsBackTheValuesAndCounts()
    {
        var sink = _services.GetRequiredService<ITimeSeriesSink>();
        sink.RecordPortfolio(Portfolio(), PortfolioTrigger.EndOfDay);
        await _services.GetRequiredService<InfluxLineWriter>().FlushAsync(_deadline);

        var row = Assert.Single(await InfluxQuery.RowsAsync(
            $"SELECT equity, cash, exposure, positions_value, realized_pnl, unrealized_pnl, fees_paid, open_positions, trade_count, \"trigger\" FROM portfolio WHERE source = {InfluxQuery.Quote(_source.Name)}"));

        Assert.Equal(At.ToUnixTimeMilliseconds(), row["time"].GetInt64());
        Assert.Equal(
            (1012.345678m, 812.34m, 190.5m, 200.005678m, -3.25m, 9.505678m, 0.12m),
            (row["equity"].GetDecimal(), row["cash"].GetDecimal(), row["exposure"].GetDecimal(), row["positions_value"].GetDecimal(),
                row["realized_pnl"].GetDecimal(), row["unrealized_pnl"].GetDecimal(), row["fees_paid"].GetDecimal()));
        Assert.Equal((0L, 17L, "end_of_day"), (row["open_positions"].GetInt64(), row["trade_count"].GetInt64(), row["trigger"].GetString()));
    }

    public async ValueTask DisposeAsync() => await _services.DisposeAsync();

    private static TokenQuote Quote(string token, string outcome, decimal? bid, decimal? ask) => new()
    {
        TokenId = TokenId.Create(token),
        ConditionId = ConditionId.Create("0xc" + token),
        MarketId = MarketId.Create("market-" + token),
        EventId = EventId.Create("event-1"),
        Outcome = outcome,
        HasBook = bid is not null || ask is not null || token == "1003",
        BestBid = bid,
        BestAsk = ask,
        Mid = bid is { } b && ask is { } a ? (b + a) / 2 : null,
        Spread = bid is { } b2 && ask is { } a2 ? a2 - b2 : null,
    };

    private PortfolioSnapshot Portfolio() => new()
    {
        GeneratedAt = At,
        Source = _source,
        InitialCash = 1_000m,
        Cash = 812.34m,
        PositionsValue = 200.005678m,
        Equity = 1012.345678m,
        RealizedPnl = -3.25m,
        UnrealizedPnl = 9.505678m,
        Exposure = 190.5m,
        FeesPaid = 0.12m,
        TradeCount = 17,
        Positions = [],
    };
}
