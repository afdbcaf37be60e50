using Prescient.Domain.Positions;
using Prescient.Domain.Trading;
using Prescient.Domain.Values;
using Prescient.Engine.Extraction;
using Prescient.Engine.Trading;
using static Prescient.Engine.Tests.Trading.TradingData;

namespace Prescient.Engine.Tests.Trading;

public sealed class PaperExecutorTests
{
    private readonly PaperExecutor _executor = Executor();

    [Fact]
    public void Decide_FreshBookAndRoom_BuildsTheBuyRecordWithoutChangingThePortfolio()
    {
        var row = Row();
        var signal = BuyNo(row);
        var portfolio = new Portfolio(Usdc.Create(10_000m));

        var decision = _executor.DecideMirrored(signal, row, NoBook(row, (0.40m, 100m), (0.42m, 1_000m)), portfolio, Now.AddSeconds(30), "sample");

        Assert.True(decision.IsTrade);
        var trade = decision.Trade;
        Assert.Equal(portfolio.NextTradeId, trade.TradeId);
        Assert.Equal(signal.SignalId, trade.SignalId);
        Assert.Equal(TradeKind.Buy, trade.Kind);
        Assert.Equal(signal.TokenId, trade.TokenId);
        Assert.Equal(242.85m, trade.Shares.Value); // 100 @ 0.40 = 40, then 60 / 0.42 → 142.85 @ 0.42 = 59.997
        Assert.Equal(99.997m, trade.Cost.Value);
        Assert.Equal(0m, trade.Fees.Value);
        Assert.Equal(0.40m, trade.BestPrice?.Value);
        Assert.Equal(Math.Round(99.997m / 242.85m, 6) - 0.40m, trade.Slippage?.Value);
        Assert.Equal(Now, trade.BookTimestamp);
        Assert.Equal(10_000m - 99.997m, trade.CashAfter.Value);
        Assert.Equal("sample", trade.Source);
        Assert.Equal(10_000m, portfolio.Cash.Value);
        Assert.Equal(0, portfolio.TradeCount);
        Assert.Null(portfolio.PositionIn(row.MarketId));
    }

    [Fact]
    public void Decide_MarketWithFees_ChargesTheMarketsSchedule()
    {
        var row = Row(change: r => r with { FeesEnabled = true, FeeRate = 0.03m, FeeExponent = 1m });

        var decision = _executor.DecideMirrored(BuyNo(row), row, NoBook(row, (0.50m, 1_000m)), new Portfolio(Usdc.Create(10_000m)), Now, "sample");

        Assert.True(decision.IsTrade);
        Assert.Equal(197.04m, decision.Trade.Shares.Value);
        Assert.Equal(1.4778m, decision.Trade.Fees.Value);
    }

    [Fact]
    public void Decide_FeesOnWithoutScheduleAndNoBaseFee_IsFeeUnknown()
    {
        var row = Row(change: r => r with { FeesEnabled = true, FeeType = "crypto_fees", TakerBaseFee = 1000m });

        var decision = _executor.DecideMirrored(BuyNo(row), row, NoBook(row, (0.40m, 1_000m)), new Portfolio(Usdc.Create(10_000m)), Now, "sample", row.Fees);

        AssertRejected(RejectionReason.FeeUnknown, decision, $"the CLOB base fee of token {row.NoTokenId} could not be had (GET /fee-rate)");
        AssertRejected(RejectionReason.FeeUnknown, _executor.DecideMirrored(BuyNo(row), row, NoBook(row, (0.40m, 1_000m)), new Portfolio(Usdc.Create(10_000m)), Now, "sample"), "without a fee schedule");
    }

    [Fact]
    public void Decide_FeeUnknownOnAClosedMarket_ReportsTheClosedMarketFirst()
    {
        var row = Row(change: r => r with { FeesEnabled = true, TakerBaseFee = 1000m, Closed = true });

        AssertRejected(RejectionReason.MarketClosed, _executor.DecideMirrored(BuyNo(row), row, NoBook(row, (0.40m, 1_000m)), new Portfolio(Usdc.Create(10_000m)), Now, "sample"), "closed");
    }

    [Fact]
    public void Decide_ResolvedBaseFee_ChargesBpsOfMinPriceNotGammasTakerBaseFee()
    {
        var row = Row(change: r => r with { FeesEnabled = true, FeeType = "crypto_fees", TakerBaseFee = 1000m });

        var decision = _executor.DecideMirrored(BuyNo(row), row, NoBook(row, (0.40m, 1_000m)), new Portfolio(Usdc.Create(10_000m)), Now, "sample", row.Fees with { BaseFeeBps = 150m });

        // A share costs 0.40 + 0.40 × 150 / 10,000 = 0.406; 100 / 0.406 = 246.305 → 246.30 shares,
        // cost 246.30 × 0.40 = 98.52, fee 98.52 × 0.015 = 1.4778 (at 1000 bps it would be 9.852).
        Assert.True(decision.IsTrade);
        Assert.Equal(246.30m, decision.Trade.Shares.Value);
        Assert.Equal(98.52m, decision.Trade.Cost.Value);
        Assert.Equal(1.4778m, decision.Trade.Fees.Value);
    }

    [Fact]
    public void Decide_SignalAlreadyInLedger_IsAlreadyExecuted()
    {
        var row = Row();
        var signal = BuyNo(row);
        var portfolio = new Portfolio(Usdc.Create(10_000m));
        portfolio.Apply(_executor.DecideMirrored(signal, row, NoBook(row, (0.40m, 1_000m)), portfolio, Now, "sample").Trade!);

        AssertRejected(RejectionReason.AlreadyExecuted, _executor.DecideMirrored(signal, null, null, portfolio, Now, "sample"), signal.SignalId.Value);
    }

    [Fact]
    public void Decide_MarketMissing_IsMarketNotFound()
    {
        var row = Row();

        AssertRejected(RejectionReason.MarketNotFound, _executor.DecideMirrored(BuyNo(row), null, NoBook(row, (0.4m, 100m)), new Portfolio(Usdc.Create(10_000m)), Now, "sample"), row.MarketId.Value);
    }

    [Fact]
    public void Decide_MarketClosed_IsMarketClosedBeforeAnyBookCheck()
    {
        var row = Row(change: r => r with { Closed = true });

        AssertRejected(RejectionReason.MarketClosed, _executor.DecideMirrored(BuyNo(row), row, null, new Portfolio(Usdc.Create(10_000m)), Now, "sample"), row.MarketId.Value);
    }

    [Theory]
    [InlineData(false, true, "is not accepting orders")]
    [InlineData(true, false, "has its order book disabled")]
    public void Decide_MarketNotTakingOrders_IsNotAcceptingOrders(bool accepting, bool orderBook, string words)
    {
        var row = Row(change: r => r with { AcceptingOrders = accepting, EnableOrderBook = orderBook });

        AssertRejected(RejectionReason.NotAcceptingOrders, _executor.DecideMirrored(BuyNo(row), row, NoBook(row, (0.4m, 100m)), new Portfolio(Usdc.Create(10_000m)), Now, "sample"), words);
    }

    [Fact]
    public void Decide_PositionOpenInMarket_IsPositionAlreadyOpen()
    {
        var row = Row();
        var portfolio = new Portfolio(Usdc.Create(10_000m));
        portfolio.Apply(_executor.DecideMirrored(BuyNo(row, day: Today.AddDays(-1)), row, NoBook(row, (0.40m, 1_000m)), portfolio, Now, "sample").Trade!);

        AssertRejected(RejectionReason.PositionAlreadyOpen, _executor.DecideMirrored(BuyNo(row), row, NoBook(row, (0.40m, 1_000m)), portfolio, Now, "sample"), "250 shares");
    }

    [Fact]
    public void Decide_NoBookOrNoAsks_IsNoBook()
    {
        var row = Row();

        AssertRejected(RejectionReason.NoBook, _executor.DecideMirrored(BuyNo(row), row, null, new Portfolio(Usdc.Create(10_000m)), Now, "sample"), "no order book");
        AssertRejected(RejectionReason.NoBook, _executor.DecideMirrored(BuyNo(row), row, NoBook(row), new Portfolio(Usdc.Create(10_000m)), Now, "sample"), "no asks");
    }

    [Fact]
    public void Decide_BookOlderThanMaxAge_IsStaleBook()
    {
        var row = Row();
        var book = NoBook(row, (0.4m, 1_000m));

        var atLimit = _executor.DecideMirrored(BuyNo(row), row, book, new Portfolio(Usdc.Create(10_000m)), Now.AddMinutes(5), "sample");
        var pastLimit = _executor.DecideMirrored(BuyNo(row), row, book, new Portfolio(Usdc.Create(10_000m)), Now.AddMinutes(5).AddSeconds(1), "sample");

        Assert.True(atLimit.IsTrade);
        AssertRejected(RejectionReason.StaleBook, pastLimit, "the book is 5 min old");
    }

    [Fact]
    public void Decide_BookWithoutTimestamp_IsStaleBook()
    {
        var row = Row();
        var book = NoBook(row, (0.4m, 1_000m)) with { Timestamp = null };

        AssertRejected(RejectionReason.StaleBook, _executor.DecideMirrored(BuyNo(row), row, book, new Portfolio(Usdc.Create(10_000m)), Now, "sample"), "no timestamp");
    }

    [Fact]
    public void Decide_CashBelowMinimumOrder_IsInsufficientCash()
    {
        var row = Row();

        // 5 shares × 0.50 = 2.50 USDC; the account holds 2.49
        var decision = _executor.DecideMirrored(BuyNo(row), row, NoBook(row, (0.50m, 1_000m)), new Portfolio(Usdc.Create(2.49m)), Now, "sample");

        AssertRejected(RejectionReason.InsufficientCash, decision, "cash 2.49 USDC is below 2.5 USDC");
    }

    [Fact]
    public void Decide_ReserveLeavesLessThanMinimumOrder_IsCashReserve()
    {
        var row = Row();

        var decision = _executor.DecideMirrored(BuyNo(row), row, NoBook(row, (0.50m, 1_000m)), new Portfolio(Usdc.Create(502m)), Now, "sample");

        AssertRejected(RejectionReason.CashReserve, decision, "cash 502 USDC less the reserve 500 USDC leaves 2 USDC");
    }

    [Fact]
    public void Decide_ReserveLeavesLessThanStake_SpendsOnlyWhatIsAboveTheReserve()
    {
        var row = Row();

        var decision = _executor.DecideMirrored(BuyNo(row), row, NoBook(row, (0.50m, 1_000m)), new Portfolio(Usdc.Create(530m)), Now, "sample");

        Assert.True(decision.IsTrade);
        Assert.Equal(60m, decision.Trade.Shares.Value);
        Assert.Equal(500m, decision.Trade.CashAfter.Value);
    }

    [Fact]
    public void Decide_BestAskAboveSignalLimit_IsPriceAboveMaximum()
    {
        var row = Row();

        AssertRejected(RejectionReason.PriceAboveMaximum, _executor.DecideMirrored(BuyNo(row, limit: 0.6m), row, NoBook(row, (0.61m, 1_000m)), new Portfolio(Usdc.Create(10_000m)), Now, "sample"), "best ask 0.61");
    }

    [Fact]
    public void Decide_BookTooThinForMinimumOrder_IsBelowMinimumOrderSize()
    {
        var row = Row();

        AssertRejected(RejectionReason.BelowMinimumOrderSize, _executor.DecideMirrored(BuyNo(row, limit: 0.6m), row, NoBook(row, (0.5m, 4m), (0.7m, 1_000m)), new Portfolio(Usdc.Create(10_000m)), Now, "sample"), "minimum order is 5 shares");
    }

    [Fact]
    public void Decide_SeveralProblems_ReportsTheFirstInCheckOrder()
    {
        var row = Row(change: r => r with { AcceptingOrders = false });
        var staleBook = NoBook(row, (0.99m, 1m)) with { Timestamp = null };

        AssertRejected(RejectionReason.NotAcceptingOrders, _executor.DecideMirrored(BuyNo(row, limit: 0.5m), row, staleBook, new Portfolio(Usdc.Create(0m)), Now, "sample"), "accepting");
    }

    [Fact]
    public void Decide_MarketOfAnotherSignal_Throws()
    {
        var row = Row();

        Assert.Throws<ArgumentException>(() => _executor.DecideMirrored(BuyNo(Row()), row, null, new Portfolio(Usdc.Create(10_000m)), Now, "sample"));
    }

    [Fact]
    public void Constructor_InvalidOptions_Throws()
    {
        Assert.Throws<ArgumentException>(() => Executor(new TradingOptions { MaxBookAge = TimeSpan.Zero }));
    }
}
