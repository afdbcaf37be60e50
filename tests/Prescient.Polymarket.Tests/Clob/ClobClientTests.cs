using System.Globalization;
using System.Text.Json.Nodes;
using Prescient.Domain.Ids;
using Prescient.Engine.Markets;
using Prescient.Polymarket.Clob;
using Prescient.Polymarket.Tests.Server;

namespace Prescient.Polymarket.Tests.Clob;

public sealed class ClobClientTests
{
    private static string Token(int i) => "1" + i.ToString("D76", CultureInfo.InvariantCulture);

    [Fact]
    public async Task GetBooksAsync_1200TokensBatch500_MakesThreePostsWithinTheConcurrencyBound()
    {
        var tokens = Enumerable.Range(0, 1200).Select(Token).ToArray();
        await using var host = await PolymarketTestHost.StartAsync(
            s =>
            {
                foreach (var token in tokens)
                {
                    s.OrderBooks[token] = FixtureData.LegacyBookFor(token);
                }

                s.BooksGateAt = 2;
            },
            o => o.BooksConcurrency = 2);
        var progress = new RecordingProgress<QuoteProgress>();

        var books = await host.Clob.GetBooksAsync(tokens.Select(TokenId.Create).ToArray(), progress, CancellationToken.None).AllBooksAsync();

        var posts = host.Server.Requests(FakePolymarketServer.Books);
        Assert.Equal(3, posts.Count);
        var batches = posts.Select(p => JsonNode.Parse(p.Body)!.AsArray().Select(t => (string)t!["token_id"]!).ToArray()).ToArray();
        Assert.Equal([200, 500, 500], batches.Select(b => b.Length).Order());
        Assert.Equal(tokens.Order(StringComparer.Ordinal), batches.SelectMany(b => b).Order(StringComparer.Ordinal));
        Assert.Equal(2, host.Server.MaxBooksInFlight);
        Assert.Equal(1200, books.Count);
        Assert.Equal(0.1m, books[TokenId.Create(tokens[777])].BestBid);
        Assert.Equal(0.14m, books[TokenId.Create(tokens[777])].BestAsk);
        Assert.Equal(3, progress.Reports.Count);
        Assert.Equal(new QuoteProgress(1200, 1200), progress.Reports.MaxBy(r => r.TokensDone));
    }

    [Fact]
    public async Task GetBooksAsync_TokensWithoutBooks_AreAbsentFromTheResult()
    {
        var real = FixtureData.Books2026();
        await using var host = await PolymarketTestHost.StartAsync(s =>
        {
            foreach (var book in real.Take(3))
            {
                s.OrderBooks[(string)book["asset_id"]!] = (JsonObject)book.DeepClone();
            }
        });
        var asked = real.Take(3).Select(b => (string)b["asset_id"]!).Append(Token(9)).Append(Token(9)).Select(TokenId.Create).ToArray();

        var books = await host.Clob.GetBooksAsync(asked, null, CancellationToken.None).AllBooksAsync();

        Assert.Equal(asked.Take(3), books.Keys.Order());
        Assert.False(books.ContainsKey(TokenId.Create(Token(9))));
        var post = Assert.Single(host.Server.Requests(FakePolymarketServer.Books));
        Assert.Equal(4, JsonNode.Parse(post.Body)!.AsArray().Count);
        Assert.Equal(0.015m, books[asked[0]].BestBid);
    }

    [Fact]
    public async Task GetBooksAsync_MalformedBookInReply_IsSkippedAndLogged()
    {
        await using var host = await PolymarketTestHost.StartAsync(s =>
        {
            s.OrderBooks[Token(1)] = FixtureData.LegacyBookFor(Token(1));
            var bad = FixtureData.LegacyBookFor(Token(2));
            bad["bids"]![0]!["price"] = "1.01";
            s.OrderBooks[Token(2)] = bad;
        });

        var books = await host.Clob.GetBooksAsync([TokenId.Create(Token(1)), TokenId.Create(Token(2))], null, CancellationToken.None).AllBooksAsync();

        Assert.Equal([TokenId.Create(Token(1))], books.Keys);
        Assert.Contains("outside [0, 1]", Assert.Single(host.Logs.WithEventId(1201)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetBooksAsync_NoTokens_MakesNoRequest()
    {
        await using var host = await PolymarketTestHost.StartAsync();

        var books = await host.Clob.GetBooksAsync([], null, CancellationToken.None).AllBooksAsync();

        Assert.Empty(books);
        Assert.Empty(host.Server.Requests(FakePolymarketServer.Books));
    }

    [Fact]
    public async Task GetBookAsync_UnknownToken_404IsNoBookAndNotRetried()
    {
        await using var host = await PolymarketTestHost.StartAsync(s => s.OrderBooks[Token(1)] = FixtureData.LegacyBookFor(Token(1)));

        var missing = await host.Clob.GetBookAsync(TokenId.Create(Token(2)), CancellationToken.None);
        var found = await host.Clob.GetBookAsync(TokenId.Create(Token(1)), CancellationToken.None);

        Assert.Null(missing);
        Assert.Equal(0.1m, found!.BestBid);
        Assert.Equal(2, host.Server.Requests(FakePolymarketServer.Book).Count);
        Assert.Equal(Token(2), host.Server.Requests(FakePolymarketServer.Book)[0].Query["token_id"]);
    }

    [Fact]
    public async Task GetMarketAsync_ResolvedMarket_ReturnsWinner()
    {
        const string condition = "0x8ccc3f4951ff02c1d34b87988752b4444ad17228732780a6cf22afefe8478bb6";
        await using var host = await PolymarketTestHost.StartAsync(s =>
            s.ClobMarkets[condition] = FixtureData.Object("clob/clob_market_resolved_tokens_winner.json"));

        var market = await host.Clob.GetMarketAsync(ConditionId.Create(condition), CancellationToken.None);
        var unknown = await host.Clob.GetMarketAsync(ConditionId.Create("0x00"), CancellationToken.None);

        Assert.Equal("No", market!.Winner!.Outcome);
        Assert.Null(unknown);
    }

    [Fact]
    public async Task GetPriceHistoryAsync_Interval_SendsTokenIntervalAndFidelity()
    {
        const string token = "111128191581505463501777127559667396812474366956707382672202929745167742497287";
        await using var host = await PolymarketTestHost.StartAsync(s =>
            s.PriceHistories[token] = FixtureData.Object("clob/prices_history_interval_1h.json").ToJsonString());

        var points = await host.Clob.GetPriceHistoryAsync(
            TokenId.Create(token), PriceHistoryQuery.ForInterval(PriceHistoryInterval.OneMonth, 10), CancellationToken.None);

        Assert.Equal(62, points.Count);
        var request = Assert.Single(host.Server.Requests(FakePolymarketServer.History));
        Assert.Equal($"/clob/prices-history?market={token}&interval=1m&fidelity=10", request.PathAndQuery);
    }

    [Fact]
    public async Task GetPriceHistoryAsync_Range_SendsUnixSeconds()
    {
        await using var host = await PolymarketTestHost.StartAsync();
        var start = DateTimeOffset.FromUnixTimeSeconds(1767802212);

        var points = await host.Clob.GetPriceHistoryAsync(
            TokenId.Create("5"), PriceHistoryQuery.ForRange(start, start.AddDays(1), 720), CancellationToken.None);

        Assert.Empty(points);
        var request = Assert.Single(host.Server.Requests(FakePolymarketServer.History));
        Assert.Equal("1767802212", request.Query["startTs"]);
        Assert.Equal("1767888612", request.Query["endTs"]);
        Assert.Equal("720", request.Query["fidelity"]);
    }

    [Fact]
    public async Task GetPriceHistoryAsync_IntervalAndRange_IsRefusedBeforeAnyRequest()
    {
        await using var host = await PolymarketTestHost.StartAsync();
        var query = PriceHistoryQuery.ForInterval(PriceHistoryInterval.Max) with { Start = DateTimeOffset.UnixEpoch };

        await Assert.ThrowsAsync<ArgumentException>(() => host.Clob.GetPriceHistoryAsync(TokenId.Create("5"), query, CancellationToken.None));

        Assert.Empty(host.Server.Requests(FakePolymarketServer.History));
    }
}
