using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Prescient.Domain.History;
using Prescient.Domain.Ids;
using Prescient.Domain.Positions;
using Prescient.Engine.Dashboard;
using Prescient.Engine.Markets;
using Prescient.Engine.Performance;
using Prescient.Engine.Positions;
using Prescient.Engine.Quotes;
using Prescient.Engine.Runs;
using Prescient.Engine.Signals;
using Prescient.Engine.Status;
using Prescient.Engine.Storage;
using Prescient.Engine.Trading;
using Prescient.Testing.Builders;
using Prescient.Testing.Fakes;

namespace Prescient.Engine.Tests.Dashboard;

public sealed class DashboardServiceTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 3, 4, 12, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Now);
    private readonly InMemoryTradingStore _trading = new();
    private readonly InMemoryMarketDataStore _marketData = new();
    private readonly InMemoryHistoryStore _history = new();
    private readonly InMemoryRunLog _runs = new();
    private readonly UseCaseGate _gate = new();
    private readonly RunGuard _guard;
    private readonly LiveBooks _live;
    private readonly DashboardService _service;

    public DashboardServiceTests()
    {
        _guard = new RunGuard(_time);
        _live = new LiveBooks(_time);
        var options = Options.Create(new TradingOptions());
        var portfolio = new PortfolioService(_trading, _marketData, options, MarketSourceInfo.Sample, _gate, _time);
        var performance = new PerformanceService(_history, _trading, options, _gate);
        _service = new DashboardService(
            portfolio, performance, _history, _trading, _marketData, _runs, new NoSchedule(), _guard, new ExecutionActivity(),
            MarketSourceInfo.Sample, Engine.Calendar.TradingCalendar.Utc, options, _time, _live);
    }

    [Fact]
    public async Task GetAsync_LegsOfOneEvent_GroupedWithTheirSummedExposureAndFallbackMarksFlagged()
    {
        _marketData.Markets = new MarketsSnapshot(Now, MarketSourceInfo.Sample, [MarketRows.Binary("7", "71", Now), MarketRows.Binary("7", "72", Now), MarketRows.Binary("8", "81", Now)]);
        _trading.Portfolio = Portfolio(
            Leg("7", "71", cost: 100m, value: 90m, MarkSource.BestBid),
            Leg("7", "72", cost: 50m, value: 60m, MarkSource.GammaPrice, flag: "crossed_book"),
            Leg("8", "81", cost: 120m, value: 100m, MarkSource.BestBid));

        var snapshot = await _service.GetAsync(CancellationToken.None);

        var groups = snapshot.Positions.Groups;
        Assert.Equal(["7", "8"], groups.Select(g => g.EventId.Value));
        var pair = groups[0];
        Assert.Equal(("Event 7", 2, 150m, 150m, 0m), (pair.Title, pair.LegsCount, pair.Exposure, pair.MarketValue, pair.UnrealizedPnl));
        Assert.Equal(["71", "72"], pair.Legs.Select(l => l.MarketId.Value));
        Assert.Equal([false, true], pair.Legs.Select(l => l.MarkIsFallback));
        Assert.Equal("crossed_book", pair.Legs[1].MarkFlag);
        Assert.Equal((-20m, 1), (groups[1].UnrealizedPnl, groups[1].LegsCount));
        Assert.Equal(3, snapshot.Overview.OpenPositions);
    }

    [Fact]
    public async Task GetAsync_History_OnePointPerDayThenTheLivePortfolio_WithDrawdownFromTheHigh()
    {
        await _history.AppendPortfolioDayAsync(Day(new DateOnly(2026, 3, 2), 10_500m), CancellationToken.None);
        await _history.AppendPortfolioDayAsync(Day(new DateOnly(2026, 3, 3), 9_450m), CancellationToken.None);
        _trading.Portfolio = Portfolio() with { GeneratedAt = Now.AddHours(-3), Cash = 9_975m, Equity = 9_975m };

        var curve = (await _service.GetAsync(CancellationToken.None)).EquityCurve;

        Assert.Equal([10_500m, 9_450m, 9_975m], curve.Select(p => p.Equity));
        Assert.Equal([0m, -0.1m, -0.05m], curve.Select(p => p.Drawdown));
        Assert.Equal([false, false, true], curve.Select(p => p.Live));

        // With a ledger, the curve starts at the initial cash when the first record was made.
        var opened = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
        await _trading.AppendAsync(Performance.PerformanceData.Record(1, Domain.Trading.TradeKind.Buy, "71", new DateOnly(2026, 3, 2), 9, 200m, 0.5m) with { CashAfter = Domain.Values.Usdc.Create(9_900m) }, CancellationToken.None);
        var started = (await _service.GetAsync(CancellationToken.None)).EquityCurve;
        Assert.Equal(new EquityPoint(opened, new DateOnly(2026, 3, 2), 10_000m, 0m, Live: false), started[0]);
        Assert.Equal(curve, started.Skip(1));
        Assert.Equal(Now.AddHours(-3), curve[^1].At);
    }

    [Fact]
    public async Task GetAsync_NothingStoredYet_TheInitialCashAsTheOnlyLivePoint_NoRunGoing()
    {
        var snapshot = await _service.GetAsync(CancellationToken.None);

        Assert.Equal(new EquityPoint(Now, new DateOnly(2026, 3, 4), 10_000m, 0m, Live: true), Assert.Single(snapshot.EquityCurve));
        Assert.Empty(snapshot.Positions.Groups);
        Assert.Equal((0, 0), (snapshot.Trades.Total, snapshot.Markets.Total));
        Assert.Null(snapshot.Signals.GeneratedAt);
        Assert.Null(snapshot.Runs.Running);
        Assert.Equal(10, snapshot.Calibration.Count);
    }

    [Fact]
    public async Task GetAsync_ARunGoing_IsShown()
    {
        using var run = _guard.TryBegin(RunKinds.Cycle, RunTriggers.Api);

        Assert.Equal(RunKinds.Cycle, (await _service.GetAsync(CancellationToken.None)).Runs.Running);
    }

    [Fact]
    public async Task GetAsync_Signals_MarkedWhenExecuted_SkippedCountedByReason()
    {
        var row = Trading.TradingData.Row();
        var other = Trading.TradingData.Row();
        var executed = Trading.TradingData.BuyNo(row);
        _trading.Signals = new SignalsSnapshot(
            Now, MarketSourceInfo.Sample, "threshold", new Dictionary<string, string>(), [executed, Trading.TradingData.BuyNo(other)],
            [
                new SkippedMarket(row.EventId, MarketId.Create("s1"), "<b>q</b>", SkipReason.BelowThreshold, "YES 0.30"),
                new SkippedMarket(row.EventId, MarketId.Create("s2"), null, SkipReason.BelowThreshold, "YES 0.20"),
                new SkippedMarket(row.EventId, MarketId.Create("s3"), null, SkipReason.NoBook, "no book"),
            ]);
        await _trading.AppendAsync(
            Performance.PerformanceData.Record(1, Domain.Trading.TradeKind.Buy, "71", new DateOnly(2026, 3, 4), 9, 200m, 0.5m) with { SignalId = executed.SignalId, CashAfter = Domain.Values.Usdc.Create(9_900m) },
            CancellationToken.None);

        var signals = (await _service.GetAsync(CancellationToken.None)).Signals;

        Assert.Equal([true, false], signals.Items.Select(s => s.Executed));
        Assert.Equal(new Dictionary<SkipReason, int> { [SkipReason.BelowThreshold] = 2, [SkipReason.NoBook] = 1 }, signals.SkippedByReason);
        Assert.Empty(signals.RejectionsByReason);
        Assert.Null(signals.RejectionsAt);
    }

    [Fact]
    public async Task GetAsync_ALiveBookForAHeldToken_RemarksItAndTheEquity_TheFilesUntouched()
    {
        var buy = Performance.PerformanceData.Record(1, Domain.Trading.TradeKind.Buy, "71", new DateOnly(2026, 3, 4), 9, 200m, 0.5m) with { CashAfter = Domain.Values.Usdc.Create(9_900m) };
        await _trading.AppendAsync(buy, CancellationToken.None);
        var stored = PortfolioValuation.Value(
            Domain.Positions.Portfolio.Replay(Domain.Values.Usdc.Create(10_000m), [buy]),
            new Dictionary<TokenId, Mark> { [buy.TokenId] = new Mark(0.5m, MarkSource.BestBid, Now.AddHours(-3)) },
            Now.AddHours(-3),
            MarketSourceInfo.Sample);
        _trading.Portfolio = stored;
        _marketData.Quotes = new QuotesSnapshot(Now.AddHours(-3), MarketSourceInfo.Sample, [new Quotes.TokenQuote
        {
            TokenId = buy.TokenId, ConditionId = buy.ConditionId, MarketId = buy.MarketId, EventId = buy.EventId,
            Question = "q", Outcome = "No", HasBook = true, BestBid = 0.5m, BestAsk = 0.52m,
        }]);

        _live.Update(Domain.Books.OrderBook.Create(buy.TokenId, buy.ConditionId, [new(0.6m, 100m)], [new(0.62m, 100m)]) with { Timestamp = Now });
        var snapshot = await _service.GetAsync(CancellationToken.None);

        var leg = Assert.Single(Assert.Single(snapshot.Positions.Groups).Legs);
        Assert.Equal((0.6m, MarkSource.BestBid, 120m, 20m), (leg.Mark, leg.MarkSource, leg.MarketValue, leg.UnrealizedPnl));
        Assert.Equal(9_900m + 120m, snapshot.Overview.Equity);
        Assert.Equal(9_900m + 120m, snapshot.EquityCurve[^1].Equity);
        var row = Assert.Single(snapshot.Markets.Items);
        Assert.Equal((true, 0.6m, 0.62m), (row.Live, row.BestBid, row.BestAsk));
        Assert.Same(stored, _trading.Portfolio);

        _live.Clear();
        Assert.Equal(0.5m, Assert.Single(Assert.Single((await _service.GetAsync(CancellationToken.None)).Positions.Groups).Legs).Mark);
    }

    public void Dispose()
    {
        _guard.Dispose();
        _gate.Dispose();
    }

    private static PortfolioDay Day(DateOnly date, decimal equity) => new()
    {
        Date = date,
        RecordedAt = date.ToDateTime(new TimeOnly(18, 0), DateTimeKind.Utc),
        Cash = equity,
        PositionsValue = 0m,
        Equity = equity,
        RealizedPnl = 0m,
        UnrealizedPnl = 0m,
        Exposure = 0m,
        FeesPaid = 0m,
        OpenPositions = 0,
        TradeCount = 0,
        Source = "sample",
    };

    private static PortfolioSnapshot Portfolio(params PositionSnapshot[] positions) => new()
    {
        GeneratedAt = Now,
        Source = MarketSourceInfo.Sample,
        InitialCash = 10_000m,
        Cash = 10_000m - positions.Sum(p => p.CostBasis),
        PositionsValue = positions.Sum(p => p.MarketValue),
        Equity = 10_000m - positions.Sum(p => p.CostBasis) + positions.Sum(p => p.MarketValue),
        RealizedPnl = 0m,
        UnrealizedPnl = positions.Sum(p => p.UnrealizedPnl),
        Exposure = positions.Sum(p => p.CostBasis),
        FeesPaid = 0m,
        TradeCount = positions.Length,
        Positions = positions,
    };

    private static PositionSnapshot Leg(string eventId, string marketId, decimal cost, decimal value, MarkSource source, string? flag = null) => new()
    {
        EventId = EventId.Create(eventId),
        MarketId = MarketId.Create(marketId),
        ConditionId = ConditionId.Create("0x" + marketId.PadLeft(64, '0')),
        TokenId = TokenId.Create("9" + marketId),
        Outcome = "No",
        Question = "Will " + marketId + " happen?",
        Shares = 200m,
        AverageEntryPrice = cost / 200m,
        CostBasis = cost,
        Fees = 0m,
        OpenedAt = Now.AddDays(-1),
        Mark = value / 200m,
        MarkSource = source,
        MarketValue = value,
        UnrealizedPnl = value - cost,
        MarkFlag = flag,
    };

    private sealed class NoSchedule : IRunSchedule
    {
        public ScheduleStatus Describe(DateTimeOffset now) => new(false, false, "UTC", []);
    }
}
