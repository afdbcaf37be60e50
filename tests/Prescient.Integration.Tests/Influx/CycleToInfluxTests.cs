using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Prescient.Engine.Cycle;
using Prescient.Engine.Storage;
using Prescient.Engine.TimeSeries;
using Prescient.Host.Hosting;
using Prescient.Sample.Server;
using Prescient.Storage.Influx;
using Prescient.Testing;

namespace Prescient.Integration.Tests.Influx;

/// <summary>A cycle on the in-process sample market with <c>TimeSeries:InfluxUrl</c> set, against the real InfluxDB.</summary>
public sealed class CycleToInfluxTests
{
    [Fact]
    public async Task Cycle_SinkEnabled_WritesTheBestPricesOfEveryQuotedTokenAndThePortfolio()
    {
        // An instant of its own (a random second of the morning), so that the points read back are this run's.
        var start = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero).AddMilliseconds(Random.Shared.Next(1, 3_600_000));
        using var dir = new TempDirectory();
        var clock = new FrozenClock(start);
        await using var server = await SampleServer.StartAsync(new SampleServerOptions { Events = 20, Seed = 7 }, clock, CancellationToken.None);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Data"] = dir.Path,
            ["Polymarket:GammaUrl"] = server.BaseAddress.ToString(),
            ["Polymarket:ClobUrl"] = server.BaseAddress.ToString(),
            ["TimeSeries:InfluxUrl"] = RealServers.InfluxDb.ToString(),
            ["TimeSeries:Database"] = "prescient",
        }).Build();
        await using var runtime = await PrescientRuntime.StartAsync(configuration, _ => { }, CancellationToken.None, clock);
        Assert.IsType<InfluxTimeSeriesSink>(runtime.Services.GetRequiredService<ITimeSeriesSink>());

        await runtime.Services.GetRequiredService<CycleService>().RunAsync(null, CancellationToken.None);
        await runtime.Services.GetRequiredService<InfluxLineWriter>().FlushAsync(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);

        var quotes = (await runtime.Services.GetRequiredService<IMarketDataStore>().ReadQuotesAsync(CancellationToken.None))!;
        var expected = quotes.Quotes.Where(q => q.BestBid is not null || q.BestAsk is not null)
            .ToDictionary(q => q.TokenId.ToString(), q => (q.BestBid, q.BestAsk));
        var instant = start.ToUnixTimeMilliseconds() * 1_000_000;
        var rows = await InfluxQuery.RowsAsync($"SELECT best_bid, best_ask, token_id FROM quote WHERE source = 'sample' AND time = {instant}");
        Assert.NotEmpty(expected);
        Assert.Equal(
            expected.OrderBy(e => e.Key, StringComparer.Ordinal),
            rows.ToDictionary(r => r["token_id"].GetString()!, r => (Decimal(r["best_bid"]), Decimal(r["best_ask"]))).OrderBy(e => e.Key, StringComparer.Ordinal));

        var portfolio = (await runtime.Services.GetRequiredService<ITradingStore>().ReadPortfolioAsync(CancellationToken.None))!;
        var marked = await InfluxQuery.RowsAsync($"SELECT equity, cash FROM portfolio WHERE source = 'sample' AND \"trigger\" = 'execute' AND time = {instant}");
        Assert.Equal((portfolio.Equity, portfolio.Cash), (Assert.Single(marked)["equity"].GetDecimal(), marked[0]["cash"].GetDecimal()));
    }

    private static decimal? Decimal(System.Text.Json.JsonElement value) =>
        value.ValueKind == System.Text.Json.JsonValueKind.Null ? null : value.GetDecimal();
}
