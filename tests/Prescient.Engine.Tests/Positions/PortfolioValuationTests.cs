using Prescient.Domain.Ids;
using Prescient.Domain.Positions;
using Prescient.Engine.Markets;
using Prescient.Engine.Positions;
using Prescient.Engine.Quotes;
using static Prescient.Engine.Tests.Trading.TradingData;

namespace Prescient.Engine.Tests.Positions;

public sealed class PortfolioValuationTests
{
    [Fact]
    public void Value_PositionWithBidMark_ValuesSharesAtTheMark()
    {
        var account = new PaperAccount(10_000m);
        var row = Row(change: r => r with { FeesEnabled = true, FeeRate = 0.03m, FeeExponent = 1m });
        account.Buy(BuyNo(row), row, NoBook(row, (0.50m, 1_000m)), Now);
        var marks = new Dictionary<TokenId, Mark> { [row.NoTokenId!.Value] = new Mark(0.55m, MarkSource.BestBid, Now) };

        var snapshot = PortfolioValuation.Value(account.Portfolio, marks, Now.AddMinutes(1), MarketSourceInfo.Sample);

        // 197.04 shares for 98.52 + 1.4778 fees; marked at 0.55 → 108.372
        var position = Assert.Single(snapshot.Positions);
        Assert.Equal(197.04m, position.Shares);
        Assert.Equal(99.9978m, position.CostBasis);
        Assert.Equal(1.4778m, position.Fees);
        Assert.Equal(0.5m, position.AverageEntryPrice);
        Assert.Equal((0.55m, MarkSource.BestBid, (DateTimeOffset?)Now), (position.Mark, position.MarkSource, position.MarkedAt));
        Assert.Equal(108.372m, position.MarketValue);
        Assert.Equal(108.372m - 99.9978m, position.UnrealizedPnl);
        Assert.Equal(10_000m - 99.9978m, snapshot.Cash);
        Assert.Equal(108.372m, snapshot.PositionsValue);
        Assert.Equal(snapshot.Cash + 108.372m, snapshot.Equity);
        Assert.Equal(position.UnrealizedPnl, snapshot.UnrealizedPnl);
        Assert.Equal(99.9978m, snapshot.Exposure);
        Assert.Equal(1.4778m, snapshot.FeesPaid);
        Assert.Equal(1, snapshot.TradeCount);
        Assert.Equal(TradeId.ForSequence(1), snapshot.LastTradeId);
        Assert.Equal(Now.AddMinutes(1), snapshot.GeneratedAt);
        Assert.Equal(MarketSourceInfo.Sample, snapshot.Source);
    }

    [Fact]
    public void Value_PositionWithoutMark_IsMarkedAtEntryAndFlagged()
    {
        var account = new PaperAccount(10_000m);
        var row = Row();
        account.Buy(BuyNo(row), row, NoBook(row, (0.40m, 100m), (0.42m, 1_000m)), Now);

        var snapshot = PortfolioValuation.Value(account.Portfolio, new Dictionary<TokenId, Mark>(), Now, MarketSourceInfo.Live);

        var position = Assert.Single(snapshot.Positions);
        Assert.Equal(MarkSource.Entry, position.MarkSource);
        Assert.Equal(position.AverageEntryPrice, position.Mark);
        Assert.Null(position.MarkedAt);
        Assert.Equal(position.Shares * position.AverageEntryPrice, position.MarketValue);
    }

    [Fact]
    public void MarkFrom_TwoSidedBook_IsTheBestBid()
    {
        var book = Book(TokenId.Create("7"), Now, [(0.6m, 10m)], bids: [(0.5m, 10m), (0.55m, 1m)]);

        Assert.Equal(new Mark(0.55m, MarkSource.BestBid, Now), PortfolioValuation.MarkFrom(book));
    }

    [Fact]
    public void MarkFrom_BookWithoutBids_FallsBackToTheLastTrade()
    {
        var book = Book(TokenId.Create("7"), Now, [(0.6m, 10m)]) with { LastTradePrice = 0.58m };

        Assert.Equal(new Mark(0.58m, MarkSource.LastTrade, Now), PortfolioValuation.MarkFrom(book));
    }

    [Fact]
    public void MarkFrom_EmptyBook_IsNull()
    {
        Assert.Null(PortfolioValuation.MarkFrom(Book(TokenId.Create("7"), Now, [])));
    }

    [Fact]
    public void MarkFrom_BookWithoutBidsAndTheNoTradeLastPrice_IsNull()
    {
        // 0.5 is what the CLOB reports as the last trade of a book that never traded: not a price.
        var book = Book(TokenId.Create("7"), Now, [(0.99m, 10m)]) with { LastTradePrice = 0.5m };

        Assert.Null(PortfolioValuation.MarkFrom(book));
    }

    [Fact]
    public void MarkFrom_Quote_PrefersBidThenLastTradeNeverTheMid()
    {
        var quote = new TokenQuote
        {
            TokenId = TokenId.Create("7"),
            ConditionId = ConditionId.Create("0x7"),
            MarketId = MarketId.Create("7"),
            EventId = EventId.Create("7"),
            Outcome = "No",
            HasBook = true,
            Mid = 0.5m,
            LastTradePrice = 0.45m,
            BookTimestamp = Now,
        };

        Assert.Equal(new Mark(0.52m, MarkSource.BestBid, Now), PortfolioValuation.MarkFrom(quote with { BestBid = 0.52m }));
        Assert.Equal(new Mark(0.45m, MarkSource.LastTrade, Now), PortfolioValuation.MarkFrom(quote));
        Assert.Null(PortfolioValuation.MarkFrom(quote with { LastTradePrice = 0.5m }));
        Assert.Null(PortfolioValuation.MarkFrom(quote with { LastTradePrice = null }));
    }
}
