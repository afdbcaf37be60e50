using Prescient.Domain.Books;
using Prescient.Domain.Ids;
using Prescient.Domain.Markets;
using Prescient.Domain.Positions;
using Prescient.Domain.Values;
using Prescient.Engine.Extraction;
using Prescient.Engine.Positions;
using Prescient.Engine.Trading;
using static Prescient.Engine.Tests.Trading.TradingData;

namespace Prescient.Engine.Tests.Positions;

/// <summary>Marks from books checked by <see cref="BookGuard"/>: a refused book is never the mark, and says why.</summary>
public sealed class BookMarksTests
{
    private static readonly TradingOptions Limits = new();

    [Fact]
    public void From_ConsistentBooks_BestBidUnflagged()
    {
        var row = Quoted(Row(), bid: 0.59m, ask: 0.61m);
        var books = Books(Mirrored(row, yesBid: 0.59m, yesAsk: 0.61m));

        var mark = BookMarks.From([(row.MarketId, row.NoTokenId!.Value)], books, Rows(row), Limits)[row.NoTokenId!.Value];

        Assert.Equal((0.39m, MarkSource.BestBid, (string?)null), (mark.Price, mark.Source, mark.Flag));
    }

    [Fact]
    public void From_GhostBookOnTheHeldToken_GammasPriceFlaggedQuoteMismatch()
    {
        var row = Quoted(Row(), bid: 0.59m, ask: 0.61m) with { YesPrice = 0.6m, NoPrice = 0.4m };
        var (yes, _) = Mirrored(row, yesBid: 0.59m, yesAsk: 0.61m);
        var ghost = Book(row.NoTokenId!.Value, Now, [(0.99m, 100m)], [(0.01m, 100m)]);

        var mark = BookMarks.From([(row.MarketId, row.NoTokenId!.Value)], Books((yes, ghost)), Rows(row), Limits)[row.NoTokenId!.Value];

        Assert.Equal((0.4m, MarkSource.GammaPrice, "quote_mismatch"), (mark.Price, mark.Source, mark.Flag));
    }

    [Fact]
    public void From_TwinDoesNotMirror_FlaggedComplementMismatch()
    {
        var row = Row() with { YesPrice = 0.6m, NoPrice = 0.4m };
        var (_, no) = Mirrored(row, yesBid: 0.59m, yesAsk: 0.61m);
        var ghostYes = Book(row.YesTokenId!.Value, Now, [(0.99m, 100m)], [(0.01m, 100m)]);

        var mark = BookMarks.From([(row.MarketId, row.NoTokenId!.Value)], Books((ghostYes, no)), Rows(row), Limits)[row.NoTokenId!.Value];

        Assert.Equal((MarkSource.GammaPrice, "complement_mismatch"), (mark.Source, mark.Flag));
    }

    [Fact]
    public void From_CrossedBookAndNoGammaPrice_EntryFallbackFlaggedCrossedBook()
    {
        var row = Row();
        var crossed = Book(row.NoTokenId!.Value, Now, [(0.40m, 10m)], [(0.45m, 10m)]);
        var portfolio = Portfolio.Replay(Usdc.Create(10_000m), []);
        var fill = new Domain.Trading.Fill(Shares.Create(100m), Price.Create(0.3m), Usdc.Create(30m), Usdc.Create(0m), Price.Create(0.3m), Usdc.Create(0m), [new Domain.Trading.FillLevel(Price.Create(0.3m), Shares.Create(100m))], Now);
        portfolio.Apply(portfolio.CreateBuy(BuyNo(row), fill, Now, "sample"));

        var marks = BookMarks.From([(row.MarketId, row.NoTokenId!.Value)], new Dictionary<TokenId, OrderBook> { [crossed.TokenId] = crossed }, Rows(row), Limits);
        var position = Assert.Single(PortfolioValuation.Value(portfolio, marks, Now, Engine.Markets.MarketSourceInfo.Sample).Positions);

        Assert.Equal((0.3m, MarkSource.Entry, "crossed_book"), (position.Mark, position.MarkSource, position.MarkFlag));
    }

    private static MarketRow Quoted(MarketRow row, decimal bid, decimal ask) => row with { BestBid = bid, BestAsk = ask };

    /// <summary>A YES book and the NO book that mirrors it (NO bid = 1 − YES ask, NO ask = 1 − YES bid).</summary>
    private static (OrderBook Yes, OrderBook No) Mirrored(MarketRow row, decimal yesBid, decimal yesAsk) =>
        (Book(row.YesTokenId!.Value, Now, [(yesAsk, 100m)], [(yesBid, 100m)]),
         Book(row.NoTokenId!.Value, Now, [(1m - yesBid, 100m)], [(1m - yesAsk, 100m)]));

    private static Dictionary<TokenId, OrderBook> Books((OrderBook Yes, OrderBook No) pair) =>
        new() { [pair.Yes.TokenId] = pair.Yes, [pair.No.TokenId] = pair.No };

    private static Dictionary<MarketId, Market> Rows(MarketRow row) => new() { [row.MarketId] = row.ToMarket() };
}
