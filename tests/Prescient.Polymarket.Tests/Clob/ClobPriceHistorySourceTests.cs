using Microsoft.Extensions.DependencyInjection;
using Prescient.Domain.Ids;
using Prescient.Engine.MarketHistory;
using Prescient.Engine.Markets;
using Prescient.Polymarket.Clob;
using Prescient.Polymarket.Tests.Server;

namespace Prescient.Polymarket.Tests.Clob;

public sealed class ClobPriceHistorySourceTests
{
    private const string Token = "111128191581505463501777127559667396812474366956707382672202929745167742497287";

    [Theory]
    [InlineData("clob/prices_history_interval_1h.json", 62)]
    [InlineData("clob/prices_history_interval_1d.json", 1440)]
    [InlineData("clob/prices_history_interval_1w_fidelity5.json", 2013)]
    [InlineData("clob/prices_history_interval_1m_fidelity10.json", 4456)]
    public async Task GetAsync_RecordedReplies_EveryPointAsAStructInOrderWithTheRangeSent(string fixture, int count)
    {
        await using var host = await PolymarketTestHost.StartAsync(s => s.PriceHistories[Token] = FixtureData.Object(fixture).ToJsonString());
        var source = host.Services.GetRequiredService<IPriceHistorySource>();
        var from = DateTimeOffset.FromUnixTimeSeconds(1767225600);

        var points = await source.GetAsync(TokenId.Create(Token), from, from.AddDays(15), 60, CancellationToken.None);

        Assert.IsType<ClobPriceHistorySource>(source);
        Assert.Equal(count, points.Length);
        Assert.True(points.Zip(points.Skip(1)).All(p => p.First.UnixSeconds <= p.Second.UnixSeconds));
        Assert.All(points, p => Assert.InRange(p.Price, 0m, 1m));
        var request = Assert.Single(host.Server.Requests(FakePolymarketServer.History));
        Assert.Equal(("1767225600", "1768521600", "60"), (request.Query["startTs"], request.Query["endTs"], request.Query["fidelity"]));
    }

    [Fact]
    public async Task GetAsync_PricesAsStrings_AreReadAsExactDecimals()
    {
        await using var host = await PolymarketTestHost.StartAsync(s =>
            s.PriceHistories[Token] = """{"history":[{"t":1770394157,"p":"0.23"},{"t":1770394217,"p":0.2250},{"t":"1770394280","p":"0.99999950000000001"}]}""");
        var source = host.Services.GetRequiredService<IPriceHistorySource>();

        var points = await source.GetAsync(TokenId.Create(Token), DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddDays(1), 1, CancellationToken.None);

        Assert.Equal([new HistoryPoint(1770394157, 0.23m), new HistoryPoint(1770394217, 0.2250m), new HistoryPoint(1770394280, 0.99999950000000001m)], points);
        Assert.Equal(4, points[1].Price.Scale);
    }

    [Theory]
    [InlineData("""{"error":"invalid market"}""")]
    [InlineData("""{"history":[{"t":1770394157,"p":"1.5"}]}""")]
    public async Task GetAsync_UnusableReply_ThrowsWithTheSourceReached(string body)
    {
        await using var host = await PolymarketTestHost.StartAsync(s => s.PriceHistories[Token] = body);
        var source = host.Services.GetRequiredService<IPriceHistorySource>();

        var error = await Assert.ThrowsAsync<MarketDataUnavailableException>(() =>
            source.GetAsync(TokenId.Create(Token), DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddDays(1), 60, CancellationToken.None));

        Assert.True(error.SourceReached);
        Assert.Contains("/prices-history", error.Message, StringComparison.Ordinal);
    }
}
