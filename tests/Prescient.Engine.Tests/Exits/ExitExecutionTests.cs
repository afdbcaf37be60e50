using Prescient.Domain.Books;
using Prescient.Domain.Positions;
using Prescient.Domain.Trading;
using Prescient.Domain.Values;
using Prescient.Engine.Exits;
using Prescient.Engine.Extraction;
using Prescient.Engine.Positions;
using Prescient.Engine.Tests.Trading;
using static Prescient.Engine.Tests.Trading.TradingData;

namespace Prescient.Engine.Tests.Exits;

/// <summary>The exit rules through <see cref="Trading.ExecutionService"/>: a held NO position of 100 shares bought yesterday at 0.40, books of both tokens fresh at now.</summary>
public sealed class ExitExecutionTests : IDisposable
{
    private ExecutionWorld _world = new(new ExitOptions { TakeProfit = 0.20m });

    [Fact]
    public async Task ExecuteAsync_TakeProfitReached_SellsWalkingTheBidsLevelByLevelAtExactCost()
    {
        var row = GivenHeld();
        GivenNoBids(row, (0.50m, 60m), (0.49m, 30m), (0.48m, 5m), (0.47m, 1_000m));

        var result = await _world.Service.ExecuteAsync(CancellationToken.None);

        var sell = Assert.Single(result.Exits);
        Assert.Equal(TradeKind.Sell, sell.Kind);
        Assert.Equal($"20261125-{row.MarketId}-sell_take_profit", sell.SignalId?.Value);
        Assert.Equal(row.NoTokenId, sell.TokenId);

        // The floor is the best bid 0.50 − the 0.02 slippage: 60 + 30 + 5 shares above it, 5 of the 0.47s are past it.
        Assert.Equal(95m, sell.Shares.Value);
        Assert.Equal((60m * 0.50m) + (30m * 0.49m) + (5m * 0.48m), sell.Cost.Value);
        Assert.Equal(0.50m, sell.BestPrice?.Value);
        Assert.Equal(Math.Round(47.1m / 95m, 6), sell.Price.Value);
        Assert.Equal(0.50m - Math.Round(47.1m / 95m, 6), sell.Slippage?.Value);
        Assert.Equal(0m, sell.Fees.Value);
        Assert.Equal(47.1m - 38m, sell.RealizedPnl?.Value);
        Assert.Equal(10_000m - 40m + 47.1m, sell.CashAfter.Value);
        Assert.Empty(result.Trades);
        Assert.Equal([TradeKind.Buy, TradeKind.Sell], _world.Trading.Trades.Select(t => t.Kind));
        Assert.Equal(5m, Assert.Single(_world.Trading.Portfolio!.Positions).Shares);
    }

    [Fact]
    public async Task ExecuteAsync_AMarketWithFees_TheSellPaysTheFeeModelsTakerFeeOnEachLevel()
    {
        var row = GivenHeld(change: r => r with { FeesEnabled = true, FeeRate = 0.25m, FeeExponent = 2m });
        GivenNoBids(row, (0.60m, 40m), (0.59m, 200m));

        var result = await _world.Service.ExecuteAsync(CancellationToken.None);

        var sell = Assert.Single(result.Exits);
        var levels = new[] { new FillLevel(Price.Create(0.60m), Shares.Create(40m)), new FillLevel(Price.Create(0.59m), Shares.Create(60m)) };
        Assert.Equal(Engine.Trading.FeeModel.TakerFee(row.Fees, levels), sell.Fees);
        Assert.True(sell.Fees > Usdc.Zero);
        Assert.Equal((0.60m * 40m) + (0.59m * 60m), sell.Cost.Value);
        Assert.Equal(10_000m - 40m + sell.Cost.Value - sell.Fees.Value, sell.CashAfter.Value);
        Assert.Equal(sell.Cost.Value - sell.Fees.Value - 40m, sell.RealizedPnl?.Value);
    }

    [Fact]
    public async Task ExecuteAsync_ReRunsTheSameDay_SellsOnceAndOnlyOnce_TheRestTheNextDay()
    {
        var row = GivenHeld();
        GivenNoBids(row, (0.50m, 30m));

        var first = await _world.Service.ExecuteAsync(CancellationToken.None);
        var again = await _world.Service.ExecuteAsync(CancellationToken.None);
        var third = await _world.Service.ExecuteAsync(CancellationToken.None);

        Assert.Equal(30m, Assert.Single(first.Exits).Shares.Value);
        Assert.Empty(again.Exits);
        Assert.Empty(third.Exits);
        Assert.Empty(again.Rejections);
        Assert.Equal(2, _world.Trading.Trades.Count);

        _world.Time.Advance(TimeSpan.FromDays(1));
        GivenNoBids(row, _world.Time.GetUtcNow(), (0.50m, 500m));
        var nextDay = await _world.Service.ExecuteAsync(CancellationToken.None);

        var rest = Assert.Single(nextDay.Exits);
        Assert.Equal(70m, rest.Shares.Value);
        Assert.Equal($"20261126-{row.MarketId}-sell_take_profit", rest.SignalId?.Value);
        Assert.Empty(_world.Trading.Portfolio!.Positions);
    }

    [Fact]
    public async Task ExecuteAsync_ASignalForAMarketSoldToday_RejectedAsExitedToday()
    {
        var row = GivenHeld();
        GivenNoBids(row, (0.50m, 500m));
        await _world.Service.ExecuteAsync(CancellationToken.None);
        _world.Given([row], BuyNo(row));

        var again = await _world.Service.ExecuteAsync(CancellationToken.None);

        var rejection = Assert.Single(again.Rejections);
        Assert.Equal(RejectionReason.ExitedToday, rejection.Reason);
        Assert.Equal(BuyNo(row).SignalId, rejection.SignalId);
        Assert.Equal([TradeKind.Buy, TradeKind.Sell], _world.Trading.Trades.Select(t => t.Kind));
    }

    [Fact]
    public async Task ExecuteAsync_AfterSells_TheLedgerReplaysToTheStoredPortfolioAndAddsUp()
    {
        var row = GivenHeld();
        GivenNoBids(row, (0.55m, 40m), (0.54m, 100m));

        await _world.Service.ExecuteAsync(CancellationToken.None);

        var ledger = _world.Trading.Trades;
        var rebuilt = Portfolio.Replay(Usdc.Create(10_000m), ledger);
        Assert.Empty(PortfolioCheck.Compare(_world.Trading.Portfolio!, rebuilt));
        var bought = ledger.Where(t => t.Kind == TradeKind.Buy).Sum(t => t.Cost.Value);
        var sold = ledger.Where(t => t.Kind == TradeKind.Sell).Sum(t => t.Cost.Value);
        var fees = ledger.Sum(t => t.Fees.Value);
        Assert.Equal(10_000m - bought - fees + sold, rebuilt.Cash.Value);
        Assert.Equal(rebuilt.Cash.Value, _world.Trading.Portfolio!.Cash);
        Assert.Equal((0.55m * 40m) + (0.54m * 60m) - 40m, rebuilt.RealizedPnl.Value);
    }

    [Fact]
    public async Task ExecuteAsync_StopLossAtItsBoundary_Sells_OneTickAbove_Holds()
    {
        UseExits(new ExitOptions { StopLoss = 0.25m });
        var above = GivenHeld();
        GivenNoBids(above, (0.31m, 500m));
        var at = GivenHeld("2");
        GivenNoBids(at, (0.30m, 500m));

        var result = await _world.Service.ExecuteAsync(CancellationToken.None);

        var sell = Assert.Single(result.Exits);
        Assert.Equal(at.MarketId, sell.MarketId);
        Assert.EndsWith("-sell_stop_loss", sell.SignalId?.Value, StringComparison.Ordinal);
        Assert.Equal(30m - 40m, sell.RealizedPnl?.Value);
        Assert.Equal(above.MarketId, Assert.Single(_world.Trading.Portfolio!.Positions).MarketId);
    }

    [Fact]
    public async Task ExecuteAsync_EndDateWithinTheHours_SellsWhatever_ThePrice_ASecondLater_Holds()
    {
        UseExits(new ExitOptions { HoursBeforeEnd = 24m });
        var within = GivenHeld(change: r => r with { EndDate = Now.AddHours(24) });
        GivenNoBids(within, (0.40m, 500m));
        var later = GivenHeld("2", r => r with { EndDate = Now.AddHours(24).AddSeconds(1) });
        GivenNoBids(later, (0.40m, 500m));

        var result = await _world.Service.ExecuteAsync(CancellationToken.None);

        var sell = Assert.Single(result.Exits);
        Assert.Equal(within.MarketId, sell.MarketId);
        Assert.EndsWith("-sell_before_end", sell.SignalId?.Value, StringComparison.Ordinal);
        Assert.Equal(0m, sell.RealizedPnl?.Value);
    }

    [Fact]
    public async Task ExecuteAsync_EndDateWithinTheHoursButNoBook_RejectedWithTheReasonAndHeld()
    {
        UseExits(new ExitOptions { HoursBeforeEnd = 48m });
        var row = GivenHeld(change: r => r with { EndDate = Now.AddHours(12) });

        var result = await _world.Service.ExecuteAsync(CancellationToken.None);

        Assert.Empty(result.Exits);
        var rejection = Assert.Single(result.Rejections);
        Assert.Equal(RejectionReason.NoBook, rejection.Reason);
        Assert.EndsWith("-sell_before_end", rejection.SignalId.Value, StringComparison.Ordinal);
        Assert.Equal(row.MarketId, Assert.Single(_world.Trading.Portfolio!.Positions).MarketId);
    }

    [Fact]
    public async Task ExecuteAsync_AGhostBidOnTheHeldToken_NeverFiresTheStopLoss()
    {
        UseExits(new ExitOptions { StopLoss = 0.10m });
        var row = GivenHeld();
        var real = Book(row.NoTokenId!.Value, Now, [(0.42m, 500m)], [(0.41m, 500m)]);
        _world.Source.Books[row.YesTokenId!.Value] = Mirror(real, row.YesTokenId!.Value);
        _world.Source.Books[row.NoTokenId!.Value] = Ghost(row.NoTokenId!.Value, Now);

        var result = await _world.Service.ExecuteAsync(CancellationToken.None);

        Assert.Empty(result.Exits);
        Assert.Empty(result.Rejections);
        Assert.Single(_world.Trading.Trades);
    }

    [Fact]
    public async Task ExecuteAsync_ExitRulesOff_HoldsAndGivesTheSameLedgerAsNoExitExecutor()
    {
        var row = Row(change: r => r with { EndDate = Now.AddHours(1) });
        using var withoutExecutor = new ExecutionWorld();
        UseExits(new ExitOptions());
        var off = _world;
        foreach (var world in new[] { withoutExecutor, off })
        {
            _world = world;
            Hold(row);
            GivenNoBids(row, (0.90m, 500m));
            await world.Service.ExecuteAsync(CancellationToken.None);
        }

        Assert.Equal(withoutExecutor.Trading.Trades, off.Trading.Trades);
        Assert.Equal(withoutExecutor.Trading.Portfolio!.Equity, off.Trading.Portfolio!.Equity);
        Assert.Equal(withoutExecutor.Trading.Portfolio.Positions.Select(p => p.Shares), off.Trading.Portfolio.Positions.Select(p => p.Shares));
        Assert.Single(off.Trading.Trades);
        _world = off;
    }

    public void Dispose() => _world.Dispose();

    private void UseExits(ExitOptions exits)
    {
        _world.Dispose();
        _world = new ExecutionWorld(exits);
    }

    /// <summary>A market of event <paramref name="eventId"/> held since yesterday: 100 NO shares at 0.40 (40 USDC, no fee), open upstream, with no signals today.</summary>
    private MarketRow GivenHeld(string eventId = "1", Func<MarketRow, MarketRow>? change = null)
    {
        var row = Row(eventId, change);
        Hold(row);
        return row;
    }

    private void Hold(MarketRow row)
    {
        var portfolio = Portfolio.Replay(Usdc.Create(10_000m), _world.Trading.Trades);
        var fill = new Fill(Shares.Create(100m), Price.Create(0.40m), Usdc.Create(40m), Usdc.Zero, Price.Create(0.40m), Usdc.Zero, [new FillLevel(Price.Create(0.40m), Shares.Create(100m))], Now.AddDays(-1));
        _world.Trading.AppendAsync(portfolio.CreateBuy(BuyNo(row, day: Today.AddDays(-1)), fill, Now.AddDays(-1), "sample"), CancellationToken.None).GetAwaiter().GetResult();
        var markets = _world.MarketData.Markets?.Markets ?? [];
        _world.Given([.. markets, row]);
        _world.Source.Lookups[row.MarketId] = OpenLookup(row) with { Market = OpenLookup(row).Market with { EndDate = row.EndDate } };
    }

    /// <summary>The NO book with <paramref name="bids"/> (and one ask above them) fresh at now, and its YES mirror.</summary>
    private void GivenNoBids(MarketRow row, params (decimal Price, decimal Size)[] bids) => GivenNoBids(row, Now, bids);

    private void GivenNoBids(MarketRow row, DateTimeOffset at, params (decimal Price, decimal Size)[] bids)
    {
        var book = Book(row.NoTokenId!.Value, at, [(bids[0].Price + 0.01m, 500m)], bids);
        _world.Source.Books[row.NoTokenId!.Value] = book;
        _world.Source.Books[row.YesTokenId!.Value] = Mirror(book, row.YesTokenId!.Value);
    }
}
