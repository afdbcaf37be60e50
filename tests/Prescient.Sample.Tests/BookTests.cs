using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Prescient.Sample.Universe;

namespace Prescient.Sample.Tests;

public sealed class BookTests
{
    [Fact]
    public async Task Books_EveryOpenToken_WireOrderBestLastAndNoBookMirrorsYes()
    {
        await using var harness = await SampleHarness.StartAsync();
        var markets = harness.Server.Universe.EventsAt(harness.Now).SelectMany(e => e.Markets).Where(m => m.HasBook).Take(120).ToList();
        var request = markets.SelectMany(m => new[] { new { token_id = m.YesTokenId }, new { token_id = m.NoTokenId } }).ToList();

        using var response = await harness.Http.PostAsJsonAsync(new Uri("books", UriKind.Relative), request);
        response.EnsureSuccessStatusCode();
        var books = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray().Select(b => b!.AsObject()).ToDictionary(b => b["asset_id"]!.GetValue<string>());

        Assert.Equal(request.Count, books.Count);
        foreach (var market in markets)
        {
            var yes = books[market.YesTokenId];
            var no = books[market.NoTokenId];
            AssertWireShape(yes, market);
            AssertWireShape(no, market);
            Assert.Equal(Levels(yes, "bids").Select(l => (1 - l.Price, l.Size)).OrderBy(l => l.Item1), Levels(no, "asks").OrderBy(l => l.Price));
            Assert.Equal(Levels(yes, "asks").Select(l => (1 - l.Price, l.Size)).OrderBy(l => l.Item1), Levels(no, "bids").OrderBy(l => l.Price));
            Assert.Equal(market.BestBid, Levels(yes, "bids").Select(l => (decimal?)l.Price).Max());
            Assert.Equal(market.BestAsk, Levels(yes, "asks").Select(l => (decimal?)l.Price).Min());
        }
    }

    [Fact]
    public async Task Book_SingleToken_MatchesBooksEntryAndHasSha1Hash()
    {
        await using var harness = await SampleHarness.StartAsync();
        var market = harness.Server.Universe.EventsAt(harness.Now).SelectMany(e => e.Markets).First(m => m.HasBook);

        var book = (await harness.GetJsonAsync("book?token_id=" + market.NoTokenId)).AsObject();

        AssertWireShape(book, market);
        Assert.Matches("^[0-9a-f]{40}$", book["hash"]!.GetValue<string>());
        Assert.Equal(market.ConditionId, book["market"]!.GetValue<string>());
        Assert.Equal(((harness.Now - DateTimeOffset.UnixEpoch).Ticks / TimeSpan.TicksPerMillisecond).ToString(System.Globalization.CultureInfo.InvariantCulture), book["timestamp"]!.GetValue<string>());
    }

    [Fact]
    public async Task Books_MoreThan500Tokens_Returns400()
    {
        await using var harness = await SampleHarness.StartAsync();
        var request = Enumerable.Range(0, 501).Select(i => new { token_id = i.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        using var response = await harness.Http.PostAsJsonAsync(new Uri("books", UriKind.Relative), request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Payload exceeds the limit", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Books_MalformedBody_Returns400InvalidPayload()
    {
        await using var harness = await SampleHarness.StartAsync();

        using var content = new StringContent("[{\"token_id\":", Encoding.UTF8, "application/json");
        using var response = await harness.Http.PostAsync(new Uri("books", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Invalid payload", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Books_TokensWithoutBook_AreOmitted()
    {
        await using var harness = await SampleHarness.StartAsync();
        var markets = harness.Server.Universe.EventsAt(harness.Now).SelectMany(e => e.Markets).ToList();
        var bookless = markets.First(m => !m.HasBook);
        var booked = markets.First(m => m.HasBook);

        using var response = await harness.Http.PostAsJsonAsync(new Uri("books", UriKind.Relative), new[] { new { token_id = bookless.YesTokenId }, new { token_id = booked.YesTokenId } });

        var books = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();
        Assert.Equal(booked.YesTokenId, Assert.Single(books)!["asset_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Book_UnknownToken_Returns404AndMissingToken400()
    {
        await using var harness = await SampleHarness.StartAsync();

        using var unknown = await harness.Http.GetAsync(new Uri("book?token_id=12345678901234567890", UriKind.Relative));
        using var missing = await harness.Http.GetAsync(new Uri("book", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("No orderbook exists for the requested token id", JsonNode.Parse(await unknown.Content.ReadAsStringAsync())!["error"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal("Invalid token id", JsonNode.Parse(await missing.Content.ReadAsStringAsync())!["error"]!.GetValue<string>());
    }

    private static void AssertWireShape(JsonObject book, SampleMarketInfo market)
    {
        var bids = Levels(book, "bids");
        var asks = Levels(book, "asks");
        Assert.True(bids.Count + asks.Count >= 3);
        Assert.True(bids.Count is 0 or (>= 3 and <= 12));
        Assert.True(asks.Count is 0 or (>= 3 and <= 12), book.ToJsonString());
        Assert.Equal(bids.Select(l => l.Price).Order(), bids.Select(l => l.Price));
        Assert.Equal(asks.Select(l => l.Price).OrderDescending(), asks.Select(l => l.Price));
        if (bids.Count > 0 && asks.Count > 0)
        {
            Assert.True(bids.Max(l => l.Price) < asks.Min(l => l.Price));
        }

        var tick = decimal.Parse(book["tick_size"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(market.TickSize, tick);
        Assert.All(bids.Concat(asks), l =>
        {
            Assert.Equal(0m, l.Price % tick);
            Assert.InRange(l.Price, tick, 1 - tick);
            Assert.True(l.Size > 0 && decimal.Round(l.Size, 2) == l.Size);
        });
        Assert.Equal(market.MinOrderSize.ToString(System.Globalization.CultureInfo.InvariantCulture), book["min_order_size"]!.GetValue<string>());
        Assert.Equal(market.NegRisk, book["neg_risk"]!.GetValue<bool>());
        Assert.NotNull(book["last_trade_price"]!.GetValue<string>());
    }

    private static List<(decimal Price, decimal Size)> Levels(JsonObject book, string side) =>
        book[side]!.AsArray().Select(l => (Paging.Dec(l!["price"]), Paging.Dec(l["size"]))).ToList();
}
