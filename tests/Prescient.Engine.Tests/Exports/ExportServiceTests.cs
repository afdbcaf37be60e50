using System.Text.Json.Nodes;
using Prescient.Domain.History;
using Prescient.Domain.Values;
using Prescient.Engine.Exports;
using Prescient.Engine.Filters;
using Prescient.Engine.Markets;
using Prescient.Engine.Refresh;
using Prescient.Engine.Storage;
using Prescient.Engine.Tests.History;
using Prescient.Testing;
using Prescient.Testing.Builders;
using static Prescient.Engine.Tests.Trading.TradingData;

namespace Prescient.Engine.Tests.Exports;

public sealed class ExportServiceTests : IDisposable
{
    private readonly HistoryWorld _world = new();

    [Fact]
    public async Task ExportAllAsync_NothingStoredYet_LedgerExportsWrittenTheRestSkippedNamingTheStep()
    {
        var result = await _world.Exports.ExportAllAsync(CancellationToken.None);

        Assert.Equal(["trades_summary.csv", "portfolio_history.csv", "positions_current.csv", "performance_daily.csv"], result.Files);
        Assert.Equal(["events_filtered", "markets_current", "markets_extracted", "signals_current"], result.Skipped.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(new SkippedExport("events/filtered_events.json", PipelineStep.Events), result.Skipped["events_filtered"]);
        Assert.Equal(new SkippedExport("trades/current_signals.json", PipelineStep.Signals), result.Skipped["signals_current"]);
        Assert.Empty(_world.MarketData.ExportedHistory!);
        Assert.Empty(_world.MarketData.ExportedPerformance!);
        Assert.Empty(_world.Source.BookRequests);
    }

    [Fact]
    public async Task ExportAllAsync_StoredFilteredEvents_ParsedBackAndOneThatNoLongerMapsLeftOut()
    {
        var kept = new EventBuilder(Now).Build();
        var broken = new EventBuilder(Now).Build() with { Raw = new JsonObject { ["title"] = "no id" }.ToElement() };
        var filters = new TradingFilterOptions { MinLiquidity = 1m };
        var writer = await _world.MarketData.BeginEventsAsync(new EventsRun(Now, MarketSourceInfo.Live, filters, EventsStage.Filter), CancellationToken.None);
        await writer.AddAsync(kept, kept: true, [], CancellationToken.None);
        await writer.AddAsync(broken, kept: true, [], CancellationToken.None);
        await writer.CommitAsync(CancellationToken.None);

        var result = await _world.Exports.ExportAllAsync(CancellationToken.None);

        Assert.Equal("events_filtered.csv", result.Files[0]);
        var exported = _world.MarketData.ExportedFilteredEvents!;
        Assert.Equal([kept.Id], exported.Events.Select(e => e.Id));
        Assert.Equal(kept.Title, exported.Events[0].Title);
        Assert.Equal((Now, MarketSourceInfo.Live, filters), (exported.GeneratedAt, exported.Source, exported.Filters));
        Assert.Equal(1, _world.Parser.Rejected);
    }

    [Fact]
    public async Task ExportAllAsync_HistoryAndLedger_PerformanceRowsAgainstTheConfiguredInitialCash()
    {
        var buy = _world.Hold(Row(), shares: 100m, price: 0.50m);
        PortfolioDay day = new()
        {
            Date = Today,
            RecordedAt = HistoryWorld.Evening,
            Cash = buy.CashAfter.Value,
            PositionsValue = 60m,
            Equity = buy.CashAfter.Value + 60m,
            RealizedPnl = 0m,
            UnrealizedPnl = 10m,
            Exposure = 50m,
            FeesPaid = 0m,
            OpenPositions = 1,
            TradeCount = 1,
            LastTradeId = buy.TradeId,
            Source = "sample",
        };
        await _world.History.AppendPortfolioDayAsync(day, CancellationToken.None);

        await _world.Exports.ExportAllAsync(CancellationToken.None);

        Assert.Equal([day], _world.MarketData.ExportedHistory);
        var row = Assert.Single(_world.MarketData.ExportedPerformance!);
        Assert.Equal(0.001m, row.CumulativeReturn);
        Assert.Equal(1, row.Trades);
        Assert.Equal(row, (await _world.Performance.GetAsync(CancellationToken.None)).Days[0]);
    }

    public void Dispose() => _world.Dispose();
}
