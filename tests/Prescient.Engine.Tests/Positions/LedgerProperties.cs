using FsCheck.Xunit;
using Prescient.Domain.Ids;
using Prescient.Domain.Markets;
using Prescient.Domain.Positions;
using Prescient.Domain.Trading;
using Prescient.Domain.Values;
using Prescient.Engine.Markets;
using Prescient.Engine.Positions;
using Prescient.Engine.Trading;
using static Prescient.Engine.Tests.Trading.TradingData;

namespace Prescient.Engine.Tests.Positions;

public sealed class LedgerProperties
{
    [Property(Arbitrary = [typeof(LedgerArbitraries)])]
    public void AnySession_KeepsTheCashIdentityAndPositionsEqualTheirTrades(LedgerCase c)
    {
        var run = new LedgerRun(c);
        var portfolio = run.Account.Portfolio;
        var ledger = run.Account.Ledger;

        var cash = c.InitialCash;
        foreach (var trade in ledger)
        {
            cash += trade.CashDelta.Value;
            Assert.Equal(cash, trade.CashAfter.Value);
            Assert.True(trade.Kind != TradeKind.Buy || trade.CashAfter.Value >= LedgerRun.Options.CashReserve, $"{trade.TradeId} leaves {trade.CashAfter}, below the reserve");
        }

        var identity = c.InitialCash
            - ledger.Where(t => t.Kind == TradeKind.Buy).Sum(t => t.Cost.Value)
            - ledger.Sum(t => t.Fees.Value)
            + ledger.Where(t => t.Kind == TradeKind.Sell).Sum(t => t.Cost.Value)
            + ledger.Where(t => t.Kind == TradeKind.Settlement).Sum(t => t.Cost.Value);
        Assert.Equal(identity, portfolio.Cash.Value);
        Assert.Equal(portfolio.InitialCash + portfolio.RealizedPnl, portfolio.Cash + portfolio.Exposure);

        foreach (var row in run.Rows)
        {
            var trades = ledger.Where(t => t.MarketId == row.MarketId).ToArray();
            var net = trades.Sum(t => t.Kind == TradeKind.Buy ? t.Shares.Value : -t.Shares.Value);
            var position = portfolio.PositionIn(row.MarketId);
            Assert.Equal(net, position?.Shares.Value ?? 0m);
            Assert.True(position is null || position.TokenId == row.NoTokenId);
        }
    }

    [Property(Arbitrary = [typeof(LedgerArbitraries)])]
    public void AnySession_ReplayOfTheLedgerEqualsTheLivePortfolio(LedgerCase c)
    {
        var run = new LedgerRun(c);

        var replayed = Portfolio.Replay(Usdc.Create(c.InitialCash), run.Account.Ledger);

        Assert.Equal(State(run.Account.Portfolio), State(replayed));
        var stored = PortfolioValuation.Value(run.Account.Portfolio, run.Marks, run.End, MarketSourceInfo.Sample);
        Assert.Empty(PortfolioCheck.Compare(stored, replayed));
    }

    [Property(Arbitrary = [typeof(LedgerArbitraries)])]
    public void AnySession_TamperedRecords_AreRefusedAndChangeNothing(LedgerCase c)
    {
        var run = new LedgerRun(c);
        var account = run.Account;
        var row = Row("99");
        // One more buy straight from a fill (the session may have used up the limits), so a signal and a position exist.
        var fill = BookWalker.Buy(NoBook(row, (0.01m, 1_000m)), Usdc.Create(1m), Price.Create(0.99m), FeeSettings.None, Price.From(0.01m), Shares.From(5m)).Fill!;
        account.Record(account.Portfolio.CreateBuy(BuyNo(row), fill, run.End, "sample"));
        var ledger = account.Ledger;

        // Every record, with cash_after off by one micro-USDC, against the state before it.
        for (var i = 0; i < ledger.Count; i++)
        {
            var before = Portfolio.Replay(Usdc.Create(c.InitialCash), ledger.Take(i));
            AssertRefused(before, ledger[i] with { CashAfter = ledger[i].CashAfter + Usdc.Create(0.000001m) }, "cash_after");
            before.Apply(ledger[i]);
        }

        var live = account.Portfolio;
        var executed = ledger.Last(t => t.Kind == TradeKind.Buy);
        AssertRefused(live, executed with { TradeId = live.NextTradeId, CashAfter = live.Cash + executed.CashDelta }, "already executed");

        var held = live.PositionIn(row.MarketId)!;
        var oversell = new Fill(Shares.Create(held.Shares.Value + 0.01m), Price.Create(0.5m), Usdc.Create((held.Shares.Value + 0.01m) * 0.5m), Usdc.Create(0m), Price.Create(0.5m), Usdc.Create(0m), [new FillLevel(Price.Create(0.5m), Shares.Create(held.Shares.Value + 0.01m))], run.End);
        AssertRefused(live, live.CreateSell(row.MarketId, oversell, null, run.End, "sample"), "shares of");
    }

    [Property(Arbitrary = [typeof(LedgerArbitraries)])]
    public void ZeroFeeRoundTrip_BuyAtTheAskThenSellAtABidThere_ConservesCash(RoundTripCase c)
    {
        var account = new PaperAccount(10_000m, new() { MaxExposurePerEvent = 10_000m, MaxTotalExposure = 10_000m });
        var row = Row();

        // A book never holds a bid at its ask (they would trade): the bid rises to the entry price after the buy.
        var asks = Book(row.NoTokenId!.Value, Now, [(c.Price, 1_000_000m)]);
        var bids = Book(row.NoTokenId!.Value, Now, [], [(c.Price, 1_000_000m)]);

        var buy = account.Buy(BuyNo(row, c.Stake, price: c.Price), row, asks, Now);
        Assert.True(buy.IsTrade, buy.Rejection?.Detail);
        var marks = new Dictionary<TokenId, Mark> { [bids.TokenId] = PortfolioValuation.MarkFrom(bids)!.Value };
        Assert.Equal(10_000m, PortfolioValuation.Value(account.Portfolio, marks, Now, MarketSourceInfo.Sample).Equity);

        var sell = account.Sell(row, bids, buy.Trade.Shares.Value, Now);

        Assert.True(sell.IsFilled, sell.Detail);
        Assert.Equal(10_000m, account.Portfolio.Cash.Value);
        Assert.Equal(0m, account.Portfolio.RealizedPnl.Value);
        Assert.Empty(account.Portfolio.Positions);
    }

    private static void AssertRefused(Portfolio portfolio, Trade tampered, string problem)
    {
        var before = State(portfolio);
        var executedBefore = tampered.SignalId is { } s && portfolio.HasExecuted(s);

        var error = Assert.Throws<LedgerInconsistencyException>(() => portfolio.Apply(tampered));

        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.Equal(before, State(portfolio));
        Assert.Equal(executedBefore, tampered.SignalId is { } t && portfolio.HasExecuted(t));
    }

    /// <summary>Everything the ledger defines, as one comparable value.</summary>
    private static string State(Portfolio p) =>
        string.Join(
            " | ",
            p.InitialCash,
            p.Cash,
            p.RealizedPnl,
            p.FeesPaid,
            p.TotalBought,
            p.TotalSold,
            p.TotalPayouts,
            p.TradeCount,
            p.LastTradeId,
            p.Exposure,
            string.Join("; ", p.Positions));
}
