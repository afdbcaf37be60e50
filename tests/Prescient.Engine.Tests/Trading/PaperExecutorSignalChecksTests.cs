using Microsoft.Extensions.Options;
using Prescient.Domain.Books;
using Prescient.Domain.Positions;
using Prescient.Domain.Signals;
using Prescient.Domain.Trading;
using Prescient.Domain.Values;
using Prescient.Engine.Extraction;
using Prescient.Engine.Signals;
using Prescient.Engine.Trading;
using Prescient.Testing.Fakes;
using static Prescient.Engine.Tests.Trading.TradingData;

namespace Prescient.Engine.Tests.Trading;

/// <summary>A fill held to its signal: the walk capped at the signal's ask + slippage, the rule re-checked, the age and depth of the signal's fill, ghost books refused.</summary>
public sealed class PaperExecutorSignalChecksTests
{
    private static readonly ThresholdStrategy Threshold = new(Options.Create(new ThresholdStrategyOptions()));
    private readonly PaperExecutor _executor = Executor(strategy: Threshold);

    [Fact]
    public void Decide_ThinBestLevelThenFarAsks_IsInsufficientDepthWhereTheOldWalkAveraged082()
    {
        var row = Row();
        var book = Book(row.NoTokenId!.Value, Now, [(0.30m, 3m), (0.31m, 10m), (0.88m, 5_000m)], [(0.28m, 100m)]);
        var signal = BuyNo(row, limit: 0.95m, price: 0.30m);
        var before = new PaperExecutor(Options.Create(new TradingOptions()), Threshold, signalChecks: false);

        var decision = _executor.DecideMirrored(signal, row, book, new Portfolio(Usdc.Create(10_000m)), Now, "sample");
        var old = before.DecideMirrored(signal, row, book, new Portfolio(Usdc.Create(10_000m)), Now, "sample");

        AssertRejected(RejectionReason.InsufficientDepth, decision, "the asks at or below 0.32 fill 4 USDC of the 100 USDC allowed (0.04 of it), below the minimum fill fraction 0.5");
        Assert.True(old.IsTrade);
        Assert.Equal(0.82m, Math.Round(old.Trade.Price.Value, 2));
    }

    [Fact]
    public void Decide_RuleStillHolds_FillsWithinTheSignalsAskPlusSlippageAndRecordsTheDrift()
    {
        var row = Row();
        var book = Book(row.NoTokenId!.Value, Now, [(0.30m, 3m), (0.31m, 100m), (0.32m, 500m), (0.33m, 5_000m)], [(0.28m, 100m)]);

        var decision = _executor.DecideMirrored(BuyNo(row, limit: 0.95m, price: 0.30m), row, book, new Portfolio(Usdc.Create(10_000m)), Now, "sample");

        Assert.True(decision.IsTrade, decision.Rejection?.Detail);
        Assert.Equal([0.30m, 0.31m, 0.32m], decision.Fill.Levels.Select(l => l.Price.Value));
        Assert.Equal(0.30m, decision.Trade.SignalPrice?.Value);
        Assert.Equal(decision.Trade.Price.Value - 0.30m, decision.Trade.Drift?.Value);
        Assert.Equal(decision.Trade.Price.Value - 0.30m, decision.Trade.Slippage?.Value);
        Assert.True(decision.Trade.Price.Value <= 0.32m);
    }

    [Theory]
    [InlineData(0.52, 0.50, "(below_threshold): YES mid 0.49 not above threshold 0.50")]
    [InlineData(0.40, 0.25, "(spread_too_wide): NO spread 0.15 (0.25–0.40) > maximum 0.10")]
    public void Decide_RuleNoLongerHoldsOnTheFreshBooks_IsPriceMovedWithTheRulesNumbers(double ask, double bid, string words)
    {
        var row = Row();
        var book = Book(row.NoTokenId!.Value, Now, [((decimal)ask, 1_000m)], [((decimal)bid, 1_000m)]);

        var decision = _executor.DecideMirrored(BuyNo(row, limit: 0.95m, price: (decimal)ask), row, book, new Portfolio(Usdc.Create(10_000m)), Now, "sample");

        AssertRejected(RejectionReason.PriceMoved, decision, "the threshold rule no longer holds on the books now " + words);
    }

    [Fact]
    public void Decide_BestAskPastTheSignalsAskPlusSlippage_IsPriceMoved()
    {
        var row = Row();
        var book = Book(row.NoTokenId!.Value, Now, [(0.33m, 1_000m)], [(0.31m, 100m)]);

        var decision = _executor.DecideMirrored(BuyNo(row, limit: 0.95m, price: 0.30m), row, book, new Portfolio(Usdc.Create(10_000m)), Now, "sample");

        AssertRejected(RejectionReason.PriceMoved, decision, "best ask 0.33 is above 0.32: the signal's ask 0.3 + the maximum slippage 0.02, on the tick");
    }

    [Fact]
    public void Decide_SlippageLimitOffTheTickOrPastTheSignalsLimit_RoundsDownAndStopsAtTheLimit()
    {
        var row = Row();
        var executor = Executor(new TradingOptions { MaxSlippage = 0.015m });

        var offTick = executor.DecideMirrored(BuyNo(row, limit: 0.95m, price: 0.30m), row, NoBook(row, (0.30m, 10m), (0.31m, 1_000m), (0.32m, 1_000m)), new Portfolio(Usdc.Create(10_000m)), Now, "sample");
        var nearLimit = Row();
        var atLimit = Executor().DecideMirrored(BuyNo(nearLimit, limit: 0.95m, price: 0.94m), nearLimit, NoBook(nearLimit, (0.94m, 10m), (0.95m, 100m), (0.96m, 1_000m)), new Portfolio(Usdc.Create(10_000m)), Now, "sample");

        Assert.Equal([0.30m, 0.31m], offTick.Fill!.Levels.Select(l => l.Price.Value));
        Assert.Equal([0.94m, 0.95m], atLimit.Fill!.Levels.Select(l => l.Price.Value));
    }

    [Fact]
    public void Decide_SignalOlderThanMaxSignalAge_IsSignalStale()
    {
        var row = Row();
        var book = NoBook(row, (0.40m, 1_000m));

        var atLimit = Executor().DecideMirrored(BuyNo(row), row, book with { Timestamp = Now.AddHours(6) }, new Portfolio(Usdc.Create(10_000m)), Now.AddHours(6), "sample");
        var pastLimit = Executor().DecideMirrored(BuyNo(row), row, book with { Timestamp = Now.AddHours(6) }, new Portfolio(Usdc.Create(10_000m)), Now.AddHours(6).AddSeconds(1), "sample");

        Assert.True(atLimit.IsTrade, atLimit.Rejection?.Detail);
        AssertRejected(RejectionReason.SignalStale, pastLimit, "the signal was made at 2026-11-25T09:00:00Z, 6 h ago; the maximum signal age is 6 h");
    }

    [Fact]
    public void Decide_FillBelowMinFillFractionOfTheAllowedStake_IsInsufficientDepthUnlessCashCapsTheStake()
    {
        var row = Row();
        var book = NoBook(row, (0.50m, 40m), (0.60m, 1_000m));

        var full = Executor().DecideMirrored(BuyNo(row), row, book, new Portfolio(Usdc.Create(10_000m)), Now, "sample");
        var capped = Executor().DecideMirrored(BuyNo(row), row, book, new Portfolio(Usdc.Create(530m)), Now, "sample");

        AssertRejected(RejectionReason.InsufficientDepth, full, "fill 20 USDC of the 100 USDC allowed (0.2 of it)");
        Assert.True(capped.IsTrade, capped.Rejection?.Detail);
        Assert.Equal(40m, capped.Trade.Shares.Value);
    }

    [Fact]
    public void Decide_OtherTokensBookMissingOrStale_IsNoBookOrStaleBook()
    {
        var row = Row();
        var book = NoBook(row, (0.40m, 1_000m));
        var yes = Mirror(book, row.YesTokenId!.Value);

        var missing = Executor().Decide(BuyNo(row), row.ToMarket(), book, null, new Portfolio(Usdc.Create(10_000m)), Now, "sample");
        var stale = Executor().Decide(BuyNo(row), row.ToMarket(), book, yes with { Timestamp = Now.AddMinutes(-6) }, new Portfolio(Usdc.Create(10_000m)), Now, "sample");

        AssertRejected(RejectionReason.NoBook, missing, "no order book for the other token " + row.YesTokenId);
        AssertRejected(RejectionReason.StaleBook, stale, "the other token " + row.YesTokenId + ": the book is 6 min old");
    }

    [Fact]
    public void Decide_GhostBooks_AreQuoteMismatchOnTheTokenAndComplementMismatchOnTheOther()
    {
        var row = Row(change: r => r with { BestBid = 0.60m, BestAsk = 0.61m });
        var no = Book(row.NoTokenId!.Value, Now, [(0.40m, 1_000m)], [(0.39m, 1_000m)]);
        var yes = Mirror(no, row.YesTokenId!.Value);

        var ghostNo = _executor.Decide(BuyNo(row, price: 0.40m), row.ToMarket(), Ghost(no.TokenId, Now), yes, new Portfolio(Usdc.Create(10_000m)), Now, "sample");
        var ghostYes = _executor.Decide(BuyNo(row, price: 0.40m), row.ToMarket(), no, Ghost(yes.TokenId, Now), new Portfolio(Usdc.Create(10_000m)), Now, "sample");
        var crossed = _executor.Decide(BuyNo(row, price: 0.40m), row.ToMarket(), Book(no.TokenId, Now, [(0.40m, 1_000m)], [(0.41m, 10m)]), yes, new Portfolio(Usdc.Create(10_000m)), Now, "sample");

        AssertRejected(RejectionReason.QuoteMismatch, ghostNo, "NO best ask 0.99 is 0.59 from 1 − Gamma's best bid 0.6 = 0.4");
        AssertRejected(RejectionReason.ComplementMismatch, ghostYes, "best ask 0.4 is 0.59 from 1 − the other token's best bid 0.01 = 0.99");
        Assert.Equal(RejectionReason.CrossedBook, crossed.Rejection?.Reason);
    }

    [Fact]
    public void Decide_SignalOfAnotherStrategy_IsPriceMovedWithoutARecheck()
    {
        var row = Row();
        var strategy = new FakeStrategy("momentum");

        var decision = Executor(strategy: strategy).DecideMirrored(BuyNo(row), row, NoBook(row, (0.40m, 1_000m)), new Portfolio(Usdc.Create(10_000m)), Now, "sample");

        AssertRejected(RejectionReason.PriceMoved, decision, "made by the threshold strategy, which the configured momentum strategy cannot re-check");
        Assert.Equal(0, strategy.Rechecks);
    }

    [Fact]
    public void Decide_BuyYesSignal_RechecksWithTheBooksOnTheirSides()
    {
        var strategy = new ThresholdStrategy(Options.Create(new ThresholdStrategyOptions { Side = SignalAction.BuyYes }));
        var row = Row();
        var yes = Book(row.YesTokenId!.Value, Now, [(0.30m, 1_000m)], [(0.28m, 1_000m)]);
        var signal = BuyNo(row, price: 0.30m) with { TokenId = row.YesTokenId!.Value, Action = SignalAction.BuyYes, Outcome = "Yes" };

        var decision = Executor(strategy: strategy).DecideMirrored(signal, row, yes, new Portfolio(Usdc.Create(10_000m)), Now, "sample");

        Assert.True(decision.IsTrade, decision.Rejection?.Detail);
        Assert.Equal(row.YesTokenId, decision.Trade.TokenId);
    }
}
