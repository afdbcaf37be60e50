using Prescient.Engine.Markets;
using Prescient.Engine.Positions;
using Prescient.Engine.Storage;
using Prescient.Engine.Trading;
using static Prescient.Engine.Tests.Trading.TradingData;

namespace Prescient.Engine.Tests.Trading;

public sealed class RefreshQuotesTests
{
    [Fact]
    public void ByMarket_RefreshWithinTheSignalAge_KeepsGammasQuotes()
    {
        var row = Row() with { BestBid = 0.59m, BestAsk = 0.61m };

        var rows = RefreshQuotes.ByMarket(new MarketsSnapshot(Now, MarketSourceInfo.Sample, [row]), Now.AddHours(1), TimeSpan.FromHours(6));

        Assert.Equal((0.59m, 0.61m), (rows[row.MarketId].BestBid, rows[row.MarketId].BestAsk));
    }

    [Fact]
    public void ByMarket_MorningRefreshAtTheEndOfDay_DropsTheQuotesSoAMovedMarketIsNoGhost()
    {
        var row = Row() with { BestBid = 0.59m, BestAsk = 0.61m, YesPrice = 0.6m, NoPrice = 0.4m };
        var rows = RefreshQuotes.ByMarket(new MarketsSnapshot(Now, MarketSourceInfo.Sample, [row]), Now.AddHours(9), TimeSpan.FromHours(6));

        // Nine hours later YES trades at 0.30/0.32: far from the morning's quotes, but the two books mirror each other.
        var yes = Book(row.YesTokenId!.Value, Now.AddHours(9), [(0.32m, 100m)], [(0.30m, 100m)]);
        var no = Book(row.NoTokenId!.Value, Now.AddHours(9), [(0.70m, 100m)], [(0.68m, 100m)]);
        var marks = BookMarks.From([(row.MarketId, row.NoTokenId!.Value)], new Dictionary<Domain.Ids.TokenId, Domain.Books.OrderBook> { [yes.TokenId] = yes, [no.TokenId] = no }, rows, new TradingOptions());

        Assert.Equal((null, null), (rows[row.MarketId].BestBid, rows[row.MarketId].BestAsk));
        Assert.Equal((0.68m, Domain.Positions.MarkSource.BestBid, (string?)null), (marks[no.TokenId].Price, marks[no.TokenId].Source, marks[no.TokenId].Flag));
    }
}
