using Prescient.Domain.Ids;
using Prescient.Engine.Markets;
using Prescient.Polymarket.Tests.Server;

namespace Prescient.Polymarket.Tests.Http;

/// <summary>Faults played by the fake server against <c>POST /books</c>: a read, so retried like any GET.</summary>
public sealed class BooksResilienceTests
{
    private static readonly string[] Tokens =
    [
        "69910730841487615802736046038473620030754616421912831175284551372639933569112",
        "23360939988679364027624185518382759743328544433592111535569478055890815567848",
    ];

    private static void TwoBooks(FakePolymarketServer server)
    {
        foreach (var token in Tokens)
        {
            server.OrderBooks[token] = FixtureData.LegacyBookFor(token);
        }
    }

    [Fact]
    public async Task Books_PostFailingWith503_IsRetriedBecauseItIsARead()
    {
        await using var host = await PolymarketTestHost.StartAsync(TwoBooks);
        host.Server.Enqueue(FakePolymarketServer.Books, new Fault.Status(503, """{"error":"service not ready"}"""));

        var books = await host.Clob.GetBooksAsync(Tokens.Select(TokenId.Create).ToArray(), null, CancellationToken.None).AllBooksAsync();

        Assert.Equal(2, books.Count);
        var posts = host.Server.Requests(FakePolymarketServer.Books);
        Assert.Equal(2, posts.Count);
        Assert.All(posts, p => Assert.Equal("POST", p.Method));
        Assert.Equal(posts[0].Body, posts[1].Body);
    }

    [Fact]
    public async Task Books_TruncatedReply_IsRetried()
    {
        await using var host = await PolymarketTestHost.StartAsync(TwoBooks);
        host.Server.Enqueue(FakePolymarketServer.Books, new Fault.TruncatedJson());

        var books = await host.Clob.GetBooksAsync(Tokens.Select(TokenId.Create).ToArray(), null, CancellationToken.None).AllBooksAsync();

        Assert.Equal(2, books.Count);
        Assert.Equal(2, host.Server.Requests(FakePolymarketServer.Books).Count);
    }

    [Fact]
    public async Task Books_400InvalidPayload_FailsAtOnceNamingTheClobHost()
    {
        await using var host = await PolymarketTestHost.StartAsync(TwoBooks, o => o.MaxRetries = 1);
        host.Server.Enqueue(
            FakePolymarketServer.Books,
            new Fault.Status(400, """{"error":"Invalid payload"}"""));

        var thrown = await Assert.ThrowsAsync<MarketDataUnavailableException>(
            () => host.Source.GetBooksAsync(Tokens.Select(TokenId.Create).ToArray(), null, CancellationToken.None).AllBooksAsync());

        Assert.Equal(
            $"Polymarket CLOB API ({host.Server.BaseUrl.Authority}) unavailable: HTTP 400 Bad Request: Invalid payload",
            thrown.Message);
        Assert.Single(host.Server.Requests(FakePolymarketServer.Books));
    }

    [Fact]
    public async Task Books_RetriesExhausted_ThrowsUnavailableWithTheLastStatus()
    {
        await using var host = await PolymarketTestHost.StartAsync(TwoBooks, o => o.MaxRetries = 1);
        host.Server.Enqueue(
            FakePolymarketServer.Books,
            new Fault.Status(502, "bad gateway", "text/plain"),
            new Fault.Status(504, "gateway timeout", "text/plain"));

        var thrown = await Assert.ThrowsAsync<MarketDataUnavailableException>(
            () => host.Clob.GetBooksAsync(Tokens.Select(TokenId.Create).ToArray(), null, CancellationToken.None).AllBooksAsync());

        Assert.Equal(
            $"Polymarket CLOB API ({host.Server.BaseUrl.Authority}) unavailable: HTTP 504 Gateway Timeout: gateway timeout",
            thrown.Message);
        Assert.Equal(2, host.Server.Requests(FakePolymarketServer.Books).Count);
    }
}
