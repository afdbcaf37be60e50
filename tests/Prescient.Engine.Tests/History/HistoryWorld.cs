using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Prescient.Domain.Trading;
using Prescient.Domain.Values;
using Prescient.Engine.Exports;
using Prescient.Engine.Extraction;
using Prescient.Engine.History;
using Prescient.Engine.Markets;
using Prescient.Engine.Performance;
using Prescient.Engine.Positions;
using Prescient.Engine.Runs;
using Prescient.Engine.Settlement;
using Prescient.Engine.Trading;
using Prescient.Testing.Fakes;
using static Prescient.Engine.Tests.Trading.TradingData;

namespace Prescient.Engine.Tests.History;

/// <summary>The end-of-day, export and performance use-cases wired over in-memory stores, one gate and a fake clock at 18:00 UTC.</summary>
internal sealed class HistoryWorld : IDisposable
{
    /// <summary>18:00 UTC of the trading data's day (<see cref="Today"/>).</summary>
    public static readonly DateTimeOffset Evening = new(2026, 11, 25, 18, 0, 0, TimeSpan.Zero);

    public HistoryWorld()
    {
        var options = Options.Create(new TradingOptions());
        Portfolio = new PortfolioService(Trading, MarketData, options, MarketSourceInfo.Sample, Gate, Time);
        Performance = new PerformanceService(History, Trading, options, Gate);
        Exports = new ExportService(MarketData, Trading, History, Parser, MarketData, Portfolio, Performance, Gate, NullLogger<ExportService>.Instance);
        EndOfDay = new EndOfDayService(Source, MarketData, Trading, History, Exports, new SettlementService(Source, Time, NullLogger<SettlementService>.Instance), options, Gate, new RunRecorder(Runs, Time, NullLogger<RunRecorder>.Instance), Time, NullLogger<EndOfDayService>.Instance);
    }

    public FakeTimeProvider Time { get; } = new(Evening);

    public FakeMarketSource Source { get; } = new();

    public InMemoryMarketDataStore MarketData { get; } = new();

    public InMemoryTradingStore Trading { get; } = new();

    public InMemoryHistoryStore History { get; } = new();

    public InMemoryRunLog Runs { get; } = new();

    public FakeEventParser Parser { get; } = new();

    public UseCaseGate Gate { get; } = new();

    public PortfolioService Portfolio { get; }

    public PerformanceService Performance { get; }

    public ExportService Exports { get; }

    public EndOfDayService EndOfDay { get; }

    /// <summary>Puts a filled NO buy of <paramref name="row"/> in the ledger, as the morning's execution would have; returns it.</summary>
    public Trade Hold(MarketRow row, decimal shares, decimal price)
    {
        var portfolio = Domain.Positions.Portfolio.Replay(Usdc.Create(10_000m), Trading.Trades);
        var fill = new Fill(Shares.Create(shares), Price.Create(price), Usdc.Create(shares * price), Usdc.Create(0m), Price.Create(price), Usdc.Create(0m), [new FillLevel(Price.Create(price), Shares.Create(shares))], Now);
        var trade = portfolio.CreateBuy(BuyNo(row), fill, Now, "sample");
        Trading.AppendAsync(trade, CancellationToken.None).GetAwaiter().GetResult();
        Source.Lookups.TryAdd(row.MarketId, OpenLookup(row));
        return trade;
    }

    public void Dispose() => Gate.Dispose();
}
