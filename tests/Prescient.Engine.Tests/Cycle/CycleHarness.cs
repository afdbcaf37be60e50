using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Prescient.Domain.Books;
using Prescient.Domain.Markets;
using Prescient.Engine.Cycle;
using Prescient.Engine.Exports;
using Prescient.Engine.Filters;
using Prescient.Engine.Performance;
using Prescient.Engine.Positions;
using Prescient.Engine.Refresh;
using Prescient.Engine.Runs;
using Prescient.Engine.Settlement;
using Prescient.Engine.Signals;
using Prescient.Engine.Trading;
using Prescient.Testing.Builders;
using Prescient.Testing.Fakes;

namespace Prescient.Engine.Tests.Cycle;

/// <summary>The real use-cases of a cycle over in-memory fakes: one source, one store, one ledger, one run log, one gate.</summary>
internal sealed class CycleHarness : IDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public CycleHarness()
    {
        var trading = Options.Create(new TradingOptions());
        var refresh = new RefreshService(
            new EventsRefresh(Source, MarketData, Options.Create(new TradingFilterOptions()), Time, NullLogger<EventsRefresh>.Instance),
            new QuotesRefresh(Source, MarketData, MarketData, Time, NullLogger<QuotesRefresh>.Instance),
            Gate);
        var signals = new SignalService(
            Source, MarketData, Trading, MarketData, new ThresholdStrategy(Options.Create(new ThresholdStrategyOptions())),
            trading, Gate, Time, NullLogger<SignalService>.Instance);
        var execution = new ExecutionService(
            Source, MarketData, Trading, MarketData, new PaperExecutor(trading), new SettlementService(Source, Time, NullLogger<SettlementService>.Instance), trading, Gate, Time, NullLogger<ExecutionService>.Instance);
        var portfolio = new PortfolioService(Trading, MarketData, trading, Source.Info, Gate, Time);
        var performance = new PerformanceService(History, Trading, trading, Gate);
        var exports = new ExportService(
            MarketData, Trading, History, new FakeEventParser(), MarketData, portfolio, performance, Gate, NullLogger<ExportService>.Instance);
        Recorder = new RunRecorder(Runs, Time, NullLogger<RunRecorder>.Instance);
        Service = new CycleService(refresh, signals, execution, exports, Recorder, Time, NullLogger<CycleService>.Instance);
    }

    public FakeTimeProvider Time { get; } = new(Now);

    public FakeMarketSource Source { get; } = new();

    public InMemoryMarketDataStore MarketData { get; } = new();

    public InMemoryTradingStore Trading { get; } = new();

    public InMemoryRunLog Runs { get; } = new();

    public InMemoryHistoryStore History { get; } = new();

    public UseCaseGate Gate { get; } = new();

    public RunRecorder Recorder { get; }

    public CycleService Service { get; }

    /// <summary>An open event whose one market trades at YES ≈ 0.60 (above the 0.50 threshold), with deep, fresh books on both tokens.</summary>
    public Market AddTradeableEvent()
    {
        var marketEvent = new EventBuilder(Now).Build();
        Source.Events.Add(marketEvent);
        var market = marketEvent.Markets[0];
        Source.Books[market.Yes!.TokenId!.Value] = Book(market, market.Yes.TokenId.Value, bid: 0.59m, ask: 0.61m);
        Source.Books[market.No!.TokenId!.Value] = Book(market, market.No.TokenId.Value, bid: 0.39m, ask: 0.41m);
        return market;
    }

    public void Dispose() => Gate.Dispose();

    private OrderBook Book(Market market, Domain.Ids.TokenId token, decimal bid, decimal ask) =>
        OrderBook.Create(token, market.ConditionId, [new BookLevel(bid, 5_000m)], [new BookLevel(ask, 5_000m), new BookLevel(ask + 0.01m, 5_000m)])
            with { Timestamp = Time.GetUtcNow(), TickSize = 0.01m, MinOrderSize = 5m };
}
