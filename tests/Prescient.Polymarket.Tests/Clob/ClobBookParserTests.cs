using System.Text.Json.Nodes;
using Prescient.Domain.Ids;
using Prescient.Polymarket.Clob;
using Prescient.Polymarket.Tests.Server;

namespace Prescient.Polymarket.Tests.Clob;

public sealed class ClobBookParserTests
{
    [Fact]
    public void Parse_LegacyBook_SortsBestFirstAndReadsTimestamp()
    {
        var book = ClobBookParser.Parse(FixtureData.Object(FixtureData.LegacyBook)).Value!;

        Assert.Equal("23360939988679364027624185518382759743328544433592111535569478055890815567848", book.TokenId.Value);
        Assert.Equal(ConditionId.Create("0x1a4f04c2e6c000d9fc524eb12e7333217411a226c34745af140f195c0227cd5f"), book.ConditionId);
        Assert.Equal(0.1m, book.BestBid);
        Assert.Equal(0.14m, book.BestAsk);
        Assert.Equal([0.1m, 0.09m, 0.08m, 0.06m, 0.01m], book.Bids.Select(l => l.Price));
        Assert.Equal([0.14m, 0.2m, 0.38m, 0.46m, 0.47m, 0.5m, 0.98m], book.Asks.Select(l => l.Price));
        Assert.Equal(192.3m, book.Asks[2].Size);
        Assert.Equal(new DateTimeOffset(2024, 10, 13, 6, 3, 38, 260, TimeSpan.Zero), book.Timestamp);
        Assert.Equal("2fc4a3d6a98bc164e057589bcb74981852b87412", book.Hash);
        Assert.Null(book.TickSize);
        Assert.Null(book.MinOrderSize);
        Assert.Null(book.NegRisk);
        Assert.Null(book.LastTradePrice);
    }

    [Fact]
    public void Parse_2026BooksFromInitialDump_ReadsTickAndLastTrade()
    {
        var books = FixtureData.Books2026().Select(b => ClobBookParser.Parse(b).Value!).ToArray();

        Assert.Equal(24, books.Length);
        var first = books[0];
        Assert.Equal("69910730841487615802736046038473620030754616421912831175284551372639933569112", first.TokenId.Value);
        Assert.Equal(13, first.Bids.Count);
        Assert.Equal(89, first.Asks.Count);
        Assert.Equal(0.015m, first.BestBid);
        Assert.Equal(0.016m, first.BestAsk);
        Assert.Equal(0.001m, first.TickSize);
        Assert.Equal(0.015m, first.LastTradePrice);
        Assert.Equal(new DateTimeOffset(2026, 5, 19, 20, 51, 22, 222, TimeSpan.Zero), first.Timestamp);
        Assert.All(books, b => Assert.True(b.BestBid is null || b.BestAsk is null || b.BestBid < b.BestAsk));
    }

    [Fact]
    public void Parse_EveryFieldOfTheProductionShape_IsRead()
    {
        var json = JsonNode.Parse("""
            {"market":"0x37a6","asset_id":"699","timestamp":"1779223882222","hash":"9b94",
             "bids":[{"price":".48","size":"10"},{"price":"0.47","size":"0"}],"asks":[{"price":".52","size":"3.5"}],
             "min_order_size":"5","tick_size":"0.01","neg_risk":true,"last_trade_price":"0.5"}
            """)!.AsObject();

        var book = ClobBookParser.Parse(json).Value!;

        Assert.Equal(0.48m, Assert.Single(book.Bids).Price);
        Assert.Equal(0.52m, book.BestAsk);
        Assert.Equal(5m, book.MinOrderSize);
        Assert.Equal(0.01m, book.TickSize);
        Assert.True(book.NegRisk);
        Assert.Equal(0.5m, book.LastTradePrice);
        Assert.Equal(0.5m, book.Mid);
    }

    [Fact]
    public void Parse_OneSidedBookWithIsoTimestamp_IsValid()
    {
        var json = JsonNode.Parse("""{"asset_id":"7","timestamp":"2026-05-19T20:51:22.222Z","bids":[],"asks":[{"price":0.9,"size":12}]}""")!.AsObject();

        var book = ClobBookParser.Parse(json).Value!;

        Assert.Empty(book.Bids);
        Assert.Null(book.BestBid);
        Assert.Equal(0.9m, book.BestAsk);
        Assert.Null(book.ConditionId);
        Assert.Equal(new DateTimeOffset(2026, 5, 19, 20, 51, 22, 222, TimeSpan.Zero), book.Timestamp);
    }

    [Theory]
    [InlineData("""{"asset_id":"7","bids":[{"price":"1.5","size":"1"}],"asks":[]}""", "book 7: a bids level has price \"1.5\", outside [0, 1]")]
    [InlineData("""{"asset_id":"7","bids":[],"asks":[{"price":"-0.1","size":"1"}]}""", "book 7: a asks level has price \"-0.1\", outside [0, 1]")]
    [InlineData("""{"asset_id":"7","bids":[{"price":"abc","size":"1"}],"asks":[]}""", "book 7: a bids level has price \"abc\", outside [0, 1]")]
    [InlineData("""{"asset_id":"7","bids":[{"price":"0.5","size":"-2"}],"asks":[]}""", "book 7: a bids level has size \"-2\"")]
    [InlineData("""{"asset_id":"7","bids":{},"asks":[]}""", "book 7: bids is not an array")]
    [InlineData("""{"bids":[],"asks":[]}""", "book without an asset_id")]
    public void Parse_MalformedBook_ReturnsFailure(string json, string error) =>
        Assert.Equal(error, ClobBookParser.Parse(JsonNode.Parse(json)!.AsObject()).Error);
}
