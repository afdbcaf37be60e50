using Prescient.Domain.Ids;
using Prescient.Engine.Markets;
using Prescient.Polymarket.Tests.Server;

namespace Prescient.Polymarket.Tests;

public sealed class PolymarketMarketSourceTests
{
    [Fact]
    public async Task DiscoverThenQuote_ThroughThePort_ReturnsEventsAndBooksOfTheirTokens()
    {
        await using var host = await PolymarketTestHost.StartAsync(
            s =>
            {
                s.Events.AddRange(FixtureData.EventObjects(FixtureData.MicroStrategy));
                s.OrderBooks["111128191581505463501777127559667396812474366956707382672202929745167742497287"] =
                    FixtureData.LegacyBookFor("111128191581505463501777127559667396812474366956707382672202929745167742497287");
            },
            o => o.BooksBatchSize = 3);
        var discovery = new RecordingProgress<DiscoveryProgress>();
        var quoting = new RecordingProgress<QuoteProgress>();

        var events = await host.Source.DiscoverOpenEventsAsync(discovery, CancellationToken.None).AllEventsAsync();
        var tokens = events.SelectMany(e => e.Markets).Where(m => m.IsTradeable)
            .SelectMany(m => m.Outcomes).Select(o => o.TokenId!.Value).ToArray();
        var books = await host.Source.GetBooksAsync(tokens, quoting, CancellationToken.None).AllBooksAsync();

        Assert.Equal(MarketSourceInfo.Live, host.Source.Info);
        Assert.Equal([new DiscoveryProgress(1, 1)], discovery.Reports);
        Assert.Equal(6, tokens.Length);
        Assert.Equal(2, host.Server.Requests(FakePolymarketServer.Books).Count);
        Assert.Equal([3, 6], quoting.Reports.Select(r => r.TokensDone).Order());
        Assert.All(quoting.Reports, r => Assert.Equal(6, r.TokensTotal));
        var book = Assert.Single(books);
        Assert.Equal(TokenId.Create("111128191581505463501777127559667396812474366956707382672202929745167742497287"), book.Key);
        Assert.Equal(0.1m, book.Value.BestBid);
    }
}
