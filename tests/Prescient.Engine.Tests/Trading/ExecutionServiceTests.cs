using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Prescient.Domain.Books;
using Prescient.Domain.Markets;
using Prescient.Domain.Positions;
using Prescient.Domain.Signals;
using Prescient.Domain.Trading;
using Prescient.Domain.Values;
using Prescient.Engine.Extraction;
using Prescient.Engine.Markets;
using Prescient.Engine.Refresh;
using Prescient.Engine.Storage;
using Prescient.Engine.Settlement;
using Prescient.Engine.Trading;
using Prescient.Testing.Fakes;
using static Prescient.Engine.Tests.Trading.TradingData;

namespace Prescient.Engine.Tests.Trading;

public sealed class ExecutionServiceTests : IDisposable
{
    private readonly ExecutionWorld _world = new();

    [Fact]
    public async Task ExecuteAsync_FreshSignals_FillsAgainstTheFetchedBookAndWritesLedgerFirst()
    {
        var row = Row();
        _world.Given([row], BuyNo(row));
        _world.GivenBooks(NoBook(row, (0.40m, 100m), (0.41m, 500m)), row);

        var result = await _world.Service.ExecuteAsync(CancellationToken.None);

        var trade = Assert.Single(result.Trades);
        Assert.Equal(trade, Assert.Single(_world.Trading.Trades));
        Assert.Equal(0.40m, trade.BestPrice?.Value);
        Assert.True(trade.Cost.Value + trade.Fees.Value <= 100m);
        Assert.Equal(1, _world.Trading.Portfolio!.TradeCount);
        Assert.Equal(trade.CashAfter.Value, _world.Trading.Portfolio.Cash);
        Assert.Equal(["trades_summary.csv", "positions_current.csv"], _world.MarketData.Exports);
    }

    [Fact]
    public async Task ExecuteAsync_RunTwice_SecondRunRejectsAsAlreadyExecuted()
    {
        var row = Row();
        _world.Given([row], BuyNo(row));
        _world.GivenBooks(NoBook(row, (0.40m, 1_000m)), row);
        await _world.Service.ExecuteAsync(CancellationToken.None);

        var again = await _world.Service.ExecuteAsync(CancellationToken.None);

        Assert.Empty(again.Trades);
        Assert.Equal(RejectionReason.AlreadyExecuted, Assert.Single(again.Rejections).Reason);
        Assert.Single(_world.Trading.Trades);
    }

    [Fact]
    public async Task ExecuteAsync_HeldMarketResolvedAndGoneFromTheListing_SettlesFirst()
    {
        var held = GivenAHeldMarketResolvedAndAFreshSignal();

        var result = await _world.Service.ExecuteAsync(CancellationToken.None);

        var settlement = Assert.Single(result.Settlements);
        Assert.Equal(TradeKind.Settlement, settlement.Kind);
        Assert.Equal(1m, settlement.Price.Value);
        Assert.Equal(200m, settlement.Cost.Value);
        Assert.Equal(200m - 60m, settlement.RealizedPnl?.Value);
        Assert.Equal([TradeKind.Buy, TradeKind.Settlement, TradeKind.Buy], _world.Trading.Trades.Select(t => t.Kind));
        Assert.DoesNotContain(_world.Trading.Portfolio!.Positions, p => p.MarketId == held.MarketId);
    }

    [Fact]
    public async Task SettleAsync_AResolvedHeldMarket_SettlesOnceFillsNoSignal_AndTheNextExecutionDoesNotSettleItAgain()
    {
        var held = GivenAHeldMarketResolvedAndAFreshSignal();

        var settled = await _world.Service.SettleAsync(CancellationToken.None);
        var again = await _world.Service.SettleAsync(CancellationToken.None);
        var execution = await _world.Service.ExecuteAsync(CancellationToken.None);

        Assert.Equal(held.MarketId, Assert.Single(settled.Settlements).MarketId);
        Assert.Empty(settled.Trades);
        Assert.Equal(2, settled.FilesWritten.Count);
        Assert.Empty(again.Settlements);
        Assert.Empty(again.FilesWritten);
        Assert.Empty(execution.Settlements);
        Assert.Single(execution.Trades);
        Assert.Equal([TradeKind.Buy, TradeKind.Settlement, TradeKind.Buy], _world.Trading.Trades.Select(t => t.Kind));
    }

    [Fact]
    public async Task ExecuteAsync_OneHeldMarketsReplyUnusable_OnlyThatMarketPendsAndTheRunGoesOn()
    {
        var broken = Row("1");
        var resolved = Row("2");
        Hold(broken, shares: 100m, price: 0.50m);
        Hold(resolved, shares: 200m, price: 0.30m);
        var fresh = Row("3");
        _world.Given([fresh], BuyNo(fresh));
        _world.GivenBooks(NoBook(fresh, (0.40m, 1_000m)), fresh);
        _world.Source.LookupFailures[broken.MarketId] = new MarketDataUnavailableException("Polymarket Gamma API (x) unavailable: unexpected response: no events") { SourceReached = true };
        _world.Source.Lookups[resolved.MarketId] = ResolvedLookup(resolved, noWon: true);

        var result = await _world.Service.ExecuteAsync(CancellationToken.None);

        Assert.Equal(resolved.MarketId, Assert.Single(result.Settlements).MarketId);
        Assert.Single(result.Trades);
        var pending = Assert.Single(result.Pending);
        Assert.Equal((broken.MarketId, true), (pending.MarketId, pending.LookupFailed));
        Assert.Contains("no events", pending.Reason, StringComparison.Ordinal);
        Assert.Equal(1, result.LookupFailures);
        var kept = Assert.Single(result.Portfolio.Positions, p => p.MarketId == broken.MarketId);
        Assert.Contains("no events", kept.LookupProblem, StringComparison.Ordinal);
        Assert.Null(Assert.Single(result.Portfolio.Positions, p => p.MarketId == fresh.MarketId).LookupProblem);
    }

    [Fact]
    public async Task ExecuteAsync_SourceUnreachableDuringSettlement_FailsTheRunAndTradesNothing()
    {
        var held = Row("1");
        Hold(held, shares: 100m, price: 0.50m);
        var fresh = Row("2");
        _world.Given([fresh], BuyNo(fresh));
        _world.GivenBooks(NoBook(fresh, (0.40m, 1_000m)), fresh);
        _world.Source.LookupFailures[held.MarketId] = new MarketDataUnavailableException("Polymarket Gamma API (x) unavailable: connection refused") { SourceReached = false };

        await Assert.ThrowsAsync<MarketDataUnavailableException>(() => _world.Service.ExecuteAsync(CancellationToken.None));

        Assert.Single(_world.Trading.Trades);
    }

    [Fact]
    public async Task ExecuteAsync_HeldMarket_IsLookedUpWithThePositionsEventId()
    {
        var held = Row("77");
        Hold(held, shares: 100m, price: 0.50m);
        _world.Given([]);
        _world.Source.Lookups[held.MarketId] = OpenLookup(held);

        var result = await _world.Service.ExecuteAsync(CancellationToken.None);

        Assert.Equal(held.EventId, _world.Source.LookupEvents[held.MarketId]);
        Assert.Empty(result.Pending);
    }

    [Fact]
    public async Task ExecuteAsync_HeldMarketClosedWithResolutionPending_MarkedAtGammasOutcomePriceFlagged()
    {
        var held = Row();
        Hold(held, shares: 100m, price: 0.50m);
        _world.Given([]);
        _world.Source.Lookups[held.MarketId] = PendingLookup(held, yesPrice: 0.97m);

        var result = await _world.Service.ExecuteAsync(CancellationToken.None);

        var pending = Assert.Single(result.Pending);
        Assert.False(pending.LookupFailed);
        var position = Assert.Single(result.Portfolio.Positions);
        Assert.Equal((0.03m, MarkSource.ResolutionPending), (position.Mark, position.MarkSource));
        Assert.Equal(3m, position.MarketValue);
    }

    [Fact]
    public async Task ExecuteAsync_HeldMarketUnknownUpstream_IsReportedPendingAndKept()
    {
        var held = Row();
        Hold(held, shares: 100m, price: 0.50m);
        _world.Given([]);

        var result = await _world.Service.ExecuteAsync(CancellationToken.None);

        var pending = Assert.Single(result.Pending);
        Assert.Equal((held.MarketId, true), (pending.MarketId, pending.LookupFailed));
        Assert.Equal(1, result.LookupFailures);
        Assert.Single(result.Portfolio.Positions);
        Assert.Equal(MarkSource.Entry, result.Portfolio.Positions[0].MarkSource);
    }

    [Fact]
    public async Task ExecuteAsync_AppendFails_StopsWithTheLedgerAndPortfolioAgreeing()
    {
        var first = Row("1");
        var second = Row("2");
        _world.Given([first, second], BuyNo(first), BuyNo(second));
        _world.GivenBooks(NoBook(first, (0.40m, 1_000m)), first);
        _world.GivenBooks(NoBook(second, (0.40m, 1_000m)), second);
        _world.Trading.FailAppendAt = 2;

        await Assert.ThrowsAsync<IOException>(() => _world.Service.ExecuteAsync(CancellationToken.None));

        Assert.Single(_world.Trading.Trades);
        Assert.Equal(1, _world.Trading.Portfolio!.TradeCount);
        Assert.Equal(_world.Trading.Trades[0].CashAfter.Value, _world.Trading.Portfolio.Cash);
    }

    [Fact]
    public async Task ExecuteAsync_NoSignalsYet_IsMissingStateAndWritesNothing()
    {
        var error = await Assert.ThrowsAsync<MissingStateException>(() => _world.Service.ExecuteAsync(CancellationToken.None));

        Assert.Equal((PipelineStep.Signals, "No signals yet"), (error.Step, error.Missing));
        Assert.Empty(_world.Trading.Trades);
        Assert.Null(_world.Trading.Portfolio);
    }

    [Fact]
    public async Task ExecuteAsync_SignalsFromAnotherSource_IsMissingState()
    {
        var row = Row();
        _world.Given([row], BuyNo(row));
        _world.Trading.Signals = _world.Trading.Signals! with { Source = MarketSourceInfo.Live };

        await Assert.ThrowsAsync<MissingStateException>(() => _world.Service.ExecuteAsync(CancellationToken.None));

        Assert.Empty(_world.Trading.Trades);
    }

    public void Dispose() => _world.Dispose();

    /// <summary>Puts a filled NO buy of <paramref name="row"/> in the ledger, as an earlier day's run would have.</summary>
    /// <summary>200 NO shares held at 0.30 in a market that resolved NO, and a signal on a fresh market with a book; returns the held market.</summary>
    private MarketRow GivenAHeldMarketResolvedAndAFreshSignal()
    {
        var held = Row();
        Hold(held, shares: 200m, price: 0.30m);
        var fresh = Row();
        _world.Given([fresh], BuyNo(fresh));
        _world.GivenBooks(NoBook(fresh, (0.40m, 1_000m)), fresh);
        _world.Source.Lookups[held.MarketId] = ResolvedLookup(held, noWon: true);
        return held;
    }

    private void Hold(MarketRow row, decimal shares, decimal price)
    {
        var portfolio = Portfolio.Replay(Usdc.Create(10_000m), _world.Trading.Trades);
        var fill = new Fill(Shares.Create(shares), Price.Create(price), Usdc.Create(shares * price), Usdc.Create(0m), Price.Create(price), Usdc.Create(0m), [new FillLevel(Price.Create(price), Shares.Create(shares))], Now);
        var trade = portfolio.CreateBuy(BuyNo(row, day: Today.AddDays(-1)), fill, Now.AddDays(-1), "sample");
        _world.Trading.AppendAsync(trade, CancellationToken.None).GetAwaiter().GetResult();
    }
}
