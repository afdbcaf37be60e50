using Prescient.Polymarket.Feed;

namespace Prescient.Polymarket.Tests.Feed;

/// <summary>The recorded frames through the parser and the local books.</summary>
public sealed class FeedReplayTests
{
    [Fact]
    public void Replay2026_EveryPriceChangeTopMatchesTheLocalBook()
    {
        var sink = new RecordingSink();
        var keeper = new FeedBookKeeper(sink);
        var parser = new MarketFrameParser();

        foreach (var frame in FeedFixtures.ReplayFrames())
        {
            Assert.False(parser.Parse(FeedFixtures.Utf8(frame), keeper).IsMalformed);
        }

        // 109 price_change frames of two changes each, every change carrying best_bid/best_ask.
        Assert.Equal(218, keeper.TopChecks);
        Assert.Equal(0, keeper.TopMismatches);
        Assert.Empty(sink.Resyncs);
        Assert.Equal(24, keeper.Books.Count);
        Assert.Equal(218, keeper.LevelUpdates);
    }

    [Fact]
    public void Replay2026_BestBidAskLeadsThePriceChangeItReflects()
    {
        // Surprising but recorded: each best_bid_ask frame arrives just BEFORE the price_change that
        // produces that top (its timestamp is a millisecond later), so it cannot be checked against
        // the book when it arrives. It equals the top after the next change for its token.
        var keeper = new FeedBookKeeper(new RecordingSink());
        var parser = new MarketFrameParser();
        var capture = new CapturingHandler();
        var pending = new Dictionary<string, TopOfBook>();
        var checkedTops = 0;
        foreach (var frame in FeedFixtures.ReplayFrames())
        {
            var bytes = FeedFixtures.Utf8(frame);
            capture.Tops.Clear();
            capture.Changes.Clear();
            new MarketFrameParser().Parse(bytes, capture);
            parser.Parse(bytes, keeper);
            foreach (var top in capture.Tops)
            {
                var book = keeper.Books[top.TokenId];
                Assert.False(book.TopMatches(top.BestBid, top.BestAsk));
                pending[top.TokenId.Value] = top;
            }

            foreach (var change in capture.Changes)
            {
                if (pending.Remove(change.TokenId.Value, out var top))
                {
                    Assert.True(keeper.Books[change.TokenId].TopMatches(top.BestBid, top.BestAsk));
                    checkedTops++;
                }
            }
        }

        Assert.Equal(10, checkedTops);
    }

    [Fact]
    public void Book2024_ThenFlat2024PriceChange_SetsTheLevelTotal()
    {
        var sink = new RecordingSink();
        var keeper = new FeedBookKeeper(sink);
        var parser = new MarketFrameParser();

        parser.Parse(FeedFixtures.Bytes(FeedFixtures.Book2024), keeper);
        var book = Assert.Single(keeper.Books).Value;
        var (bid, ask) = (book.BestBid, book.BestAsk);
        var before = book.Asks.SizeAt(0.514m);
        parser.Parse(FeedFixtures.Bytes(FeedFixtures.FlatPriceChange2024), keeper);

        Assert.Equal((0.511m, 0.514m), (bid, ask));
        Assert.Equal(20230.87m, before);
        Assert.Equal(21574.08m, book.Asks.SizeAt(0.514m));
        Assert.Equal((0.511m, 0.514m), (book.BestBid, book.BestAsk));
        Assert.Equal("bf32b3746fff40c76c98021b7f3f07261169dd26", book.Hash?.ToString());
        Assert.Equal(0, keeper.TopChecks);
    }

    [Fact]
    public void PriceChange_TopDiffersFromServer_MarksResyncOnceUntilNextSnapshot()
    {
        var sink = new RecordingSink();
        var keeper = new FeedBookKeeper(sink);
        var parser = new MarketFrameParser();
        parser.Parse("""{"event_type":"book","asset_id":"7","bids":[{"price":"0.4","size":"10"}],"asks":[{"price":"0.6","size":"10"}]}"""u8, keeper);

        parser.Parse("""{"event_type":"price_change","price_changes":[{"asset_id":"7","price":"0.41","size":"5","side":"BUY","best_bid":"0.42","best_ask":"0.6"}]}"""u8, keeper);
        parser.Parse("""{"event_type":"price_change","price_changes":[{"asset_id":"7","price":"0.43","size":"5","side":"BUY","best_bid":"0.41","best_ask":"0.6"}]}"""u8, keeper);
        var flaggedBefore = keeper.NeedsResync(Domain.Ids.TokenId.Create("7")) && keeper.Books[Domain.Ids.TokenId.Create("7")].NeedsResync;
        parser.Parse("""{"event_type":"book","asset_id":"7","bids":[{"price":"0.42","size":"10"}],"asks":[{"price":"0.6","size":"10"}]}"""u8, keeper);

        Assert.Equal((2, 2), (keeper.TopChecks, keeper.TopMismatches));
        var resync = Assert.Single(sink.Resyncs);
        Assert.Equal(ResyncReason.TopMismatch, resync.Reason);
        Assert.True(flaggedBefore);
        Assert.False(keeper.NeedsResync(Domain.Ids.TokenId.Create("7")));
        Assert.False(keeper.Books[Domain.Ids.TokenId.Create("7")].NeedsResync);
    }

    [Fact]
    public void PriceChange_BeforeAnySnapshot_AsksForResyncAndIsNotApplied()
    {
        var sink = new RecordingSink();
        var keeper = new FeedBookKeeper(sink);

        new MarketFrameParser().Parse("""{"event_type":"price_change","price_changes":[{"asset_id":"9","price":"0.41","size":"5","side":"BUY"}]}"""u8, keeper);

        Assert.Equal(ResyncReason.NoSnapshot, Assert.Single(sink.Resyncs).Reason);
        Assert.Equal(0, keeper.LevelUpdates);
    }
}
