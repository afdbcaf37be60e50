using Prescient.Domain.Ids;
using Prescient.Polymarket.Feed;

namespace Prescient.Polymarket.Tests.Feed;

public sealed class MarketFrameParserTests
{
    private const string Token2024 = "48331043336612883890938759509493159234755048973500640148014422747788308965732";

    [Theory]
    [MemberData(nameof(SingleMessageFiles))]
    public void Parse_EveryRecordedMessageFile_ParsesOneMessage(string file)
    {
        var result = new MarketFrameParser().Parse(FeedFixtures.Bytes(file), new FeedBookKeeper(new RecordingSink()));

        Assert.Equal(new FrameResult(FrameOutcome.Parsed, 1, 0, null), result);
    }

    public static TheoryData<string> SingleMessageFiles() => new(FeedFixtures.SingleMessageFiles);

    [Fact]
    public void Parse_EveryReplayFrame_ParsesAndCountsTheOtherChannelAsUnknown()
    {
        var parser = new MarketFrameParser();
        var keeper = new FeedBookKeeper(new RecordingSink());
        var frames = FeedFixtures.ReplayFrames();

        var results = frames.Select(f => parser.Parse(FeedFixtures.Utf8(f), keeper)).ToArray();

        Assert.Equal(240, frames.Count);
        Assert.All(results, r => Assert.Equal(FrameOutcome.Parsed, r.Outcome));
        // 24 books in the dump + 109 price_change + 10 best_bid_ask; the 120 RTDS frames have no event_type.
        Assert.Equal(24 + 109 + 10, results.Sum(r => r.Messages));
        Assert.Equal(120, results.Sum(r => r.Unknown));
        Assert.Equal(24, results[0].Messages);
    }

    [Fact]
    public void Parse_Book2024_ReadsEveryLevelAndHeader()
    {
        var handler = new CapturingHandler();

        new MarketFrameParser().Parse(FeedFixtures.Bytes(FeedFixtures.Book2024), handler);

        var (book, bids, asks) = Assert.Single(handler.Books);
        Assert.Equal(Token2024, book.TokenId.Value);
        Assert.Equal("0xdd22472e552920b8438158ea7238bfadfa4f736aa4cee91a6b86c39ead110917", book.Market?.Value);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1728799418260), book.Timestamp);
        Assert.Equal("655a38d4977427b086c25b985993691b753ed166", book.Hash?.ToString());
        Assert.Equal(76, bids.Length);
        Assert.Equal(86, asks.Length);
        Assert.Equal(new PriceLevel(0.999m, 10500100m), asks[0]);
    }

    [Fact]
    public void Parse_FlatPriceChange2024_IsOneChangeWithoutTop()
    {
        var handler = new CapturingHandler();

        new MarketFrameParser().Parse(FeedFixtures.Bytes(FeedFixtures.FlatPriceChange2024), handler);

        var change = Assert.Single(handler.Changes);
        Assert.Equal(Token2024, change.TokenId.Value);
        Assert.False(change.IsBid);
        Assert.Equal(0.514m, change.Price);
        Assert.Equal(21574.08m, change.Size);
        Assert.False(change.HasTop);
        Assert.Equal("bf32b3746fff40c76c98021b7f3f07261169dd26", change.Hash?.ToString());
    }

    [Fact]
    public void Parse_NestedChangesFormat_TakesAssetAndHashFromTheTop()
    {
        // The pre-2025 docs' nested shape; no recorded frame of it exists, so it is the recorded flat
        // 2024 message with its change moved into "changes" and a second change added.
        const string frame = """
            {"asset_id":"48331043336612883890938759509493159234755048973500640148014422747788308965732","event_type":"price_change",
             "hash":"bf32b3746fff40c76c98021b7f3f07261169dd26","market":"0xdd22472e552920b8438158ea7238bfadfa4f736aa4cee91a6b86c39ead110917",
             "changes":[{"price":"0.514","side":"SELL","size":"21574.08"},{"price":"0.511","side":"BUY","size":"0"}],"timestamp":"1723967931411"}
            """;
        var handler = new CapturingHandler();

        var result = new MarketFrameParser().Parse(FeedFixtures.Utf8(frame), handler);

        Assert.Equal(1, result.Messages);
        Assert.Equal(2, handler.Changes.Count);
        Assert.All(handler.Changes, c => Assert.Equal(Token2024, c.TokenId.Value));
        Assert.All(handler.Changes, c => Assert.Equal("bf32b3746fff40c76c98021b7f3f07261169dd26", c.Hash?.ToString()));
        Assert.Equal((false, 0.514m, 21574.08m), (handler.Changes[0].IsBid, handler.Changes[0].Price, handler.Changes[0].Size));
        Assert.Equal((true, 0.511m, 0m), (handler.Changes[1].IsBid, handler.Changes[1].Price, handler.Changes[1].Size));
    }

    [Fact]
    public void Parse_PriceChanges2026_ReadsEachEntryWithItsOwnAssetAndTop()
    {
        var frame = FeedFixtures.ReplayFrames()[1];
        var handler = new CapturingHandler();

        new MarketFrameParser().Parse(FeedFixtures.Utf8(frame), handler);

        Assert.Equal(2, handler.Changes.Count);
        var (yes, no) = (handler.Changes[0], handler.Changes[1]);
        Assert.StartsWith("35897145", yes.TokenId.Value, StringComparison.Ordinal);
        Assert.StartsWith("18124776", no.TokenId.Value, StringComparison.Ordinal);
        Assert.Equal((true, 0.5m, 81.07m, true, 0.52m, 0.54m), (yes.IsBid, yes.Price, yes.Size, yes.HasTop, yes.BestBid, yes.BestAsk));
        Assert.Equal((false, 0.5m, 81.07m, true, 0.46m, 0.48m), (no.IsBid, no.Price, no.Size, no.HasTop, no.BestBid, no.BestAsk));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1779223899159), yes.Timestamp);
        Assert.Equal(yes.Market, no.Market);
    }

    [Fact]
    public void Parse_NumbersAsJsonNumbers_ReadLikeStrings()
    {
        const string frame = """{"event_type":"price_change","market":"0xabc","timestamp":1779223899159,"price_changes":[{"asset_id":"1","price":0.5,"size":81.07,"side":"BUY","best_bid":0.52,"best_ask":".54"}]}""";
        var handler = new CapturingHandler();

        new MarketFrameParser().Parse(FeedFixtures.Utf8(frame), handler);

        var change = Assert.Single(handler.Changes);
        Assert.Equal((0.5m, 81.07m, 0.52m, 0.54m), (change.Price, change.Size, change.BestBid, change.BestAsk));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1779223899159), change.Timestamp);
    }

    [Fact]
    public void Parse_CustomFeatureMessages_ReadTheirFields()
    {
        var handler = new CapturingHandler();
        var parser = new MarketFrameParser();

        parser.Parse(FeedFixtures.Bytes("ws/ws_market_resolved.json"), handler);
        parser.Parse(FeedFixtures.Bytes("ws/ws_new_market.json"), handler);
        parser.Parse(FeedFixtures.Bytes("ws/ws_tick_size_change.json"), handler);
        parser.Parse(FeedFixtures.Bytes("ws/ws_last_trade_price.json"), handler);
        parser.Parse(FeedFixtures.Bytes("ws/ws_best_bid_ask.json"), handler);

        var resolved = Assert.Single(handler.Resolved);
        Assert.Equal("0x311d0c4b6671ab54af4970c06fcf58662516f5168997bdda209ec3db5aa6b0c1", resolved.Market.Value);
        Assert.Equal(TokenId.Create("76043073756653678226373981964075571318267289248134717369284518995922789326425"), resolved.WinningTokenId);
        Assert.Equal("Yes", resolved.WinningOutcome);
        Assert.Equal(2, resolved.TokenIds.Count);
        var created = Assert.Single(handler.NewMarkets);
        Assert.Equal(["Yes", "No"], created.Outcomes);
        Assert.Equal("nvda-above-240-on-january-30-2026", created.Slug);
        Assert.Equal(MarketId.Create("1031769"), created.Id);
        Assert.Equal(MarketId.Create("1031769"), resolved.Id);
        var tick = Assert.Single(handler.Ticks);
        Assert.Equal((0.01m, 0.001m), (tick.OldTickSize, tick.NewTickSize));
        var trade = Assert.Single(handler.Trades);
        Assert.Equal((0.491m, false, 85.36m, 0m), (trade.Price, trade.IsBuy, trade.Size, trade.FeeRateBps));
        var top = Assert.Single(handler.Tops);
        Assert.Equal((0.73m, 0.77m, 0.04m), (top.BestBid, top.BestAsk, top.Spread));
    }

    [Fact]
    public void Parse_Pong_IsKeepAliveNotJson()
    {
        var handler = new CapturingHandler();

        Assert.Equal(FrameOutcome.Pong, new MarketFrameParser().Parse("PONG"u8, handler).Outcome);
        Assert.Equal(FrameOutcome.Pong, new MarketFrameParser().Parse("PONG\n"u8, handler).Outcome);
    }

    [Theory]
    [InlineData("{\"event_type\":\"book\",\"bids\":[")]
    [InlineData("not json")]
    [InlineData("\"a string\"")]
    [InlineData("{\"event_type\":\"book\",\"bids\":[],\"asks\":[]}")]
    [InlineData("{\"event_type\":\"price_change\",\"market\":\"0x1\",\"price_changes\":[{\"asset_id\":\"1\",\"price\":\"abc\",\"size\":\"1\",\"side\":\"BUY\"}]}")]
    [InlineData("{\"event_type\":\"price_change\",\"price_changes\":[{\"asset_id\":\"1\",\"price\":\"0.5\",\"size\":\"1\",\"side\":\"HOLD\"}]}")]
    [InlineData("{\"event_type\":\"price_change\",\"price_changes\":[{\"asset_id\":\"1\",\"price\":\"1.5\",\"size\":\"1\",\"side\":\"BUY\"}]}")]
    [InlineData("{\"event_type\":\"book\",\"asset_id\":\"1\",\"bids\":[{\"price\":\"0.5\",\"size\":\"-1\"}]}")]
    [InlineData("{\"event_type\":\"tick_size_change\",\"asset_id\":\"1\"}")]
    [InlineData("{\"event_type\":\"book\",\"asset_id\":\"1\",\"timestamp\":\"yesterday\"}")]
    [InlineData("{} {}")]
    [InlineData("")]
    public void Parse_MalformedFrame_IsAFailureResultAndHandsNothingOn(string frame)
    {
        var handler = new CapturingHandler();

        var result = new MarketFrameParser().Parse(FeedFixtures.Utf8(frame), handler);

        Assert.True(result.IsMalformed);
        Assert.False(string.IsNullOrWhiteSpace(result.Error));
        Assert.Empty(handler.Books);
        Assert.Empty(handler.Changes);
        Assert.Empty(handler.Ticks);
    }

    [Fact]
    public void Parse_PriceChangeWithOneBadEntry_HandsOnNoneOfIt()
    {
        const string frame = """{"event_type":"price_change","price_changes":[{"asset_id":"1","price":"0.5","size":"1","side":"BUY"},{"price":"0.5","size":"1","side":"SELL"}]}""";
        var handler = new CapturingHandler();

        var result = new MarketFrameParser().Parse(FeedFixtures.Utf8(frame), handler);

        Assert.True(result.IsMalformed);
        Assert.Empty(handler.Changes);
    }

    [Fact]
    public void Parse_UnknownEventType_IsSkippedAndCounted()
    {
        var result = new MarketFrameParser().Parse("""{"event_type":"something_new","asset_id":"1","nested":{"a":[1,2]}}"""u8, new CapturingHandler());

        Assert.Equal(new FrameResult(FrameOutcome.Parsed, 0, 1, null), result);
    }
}
