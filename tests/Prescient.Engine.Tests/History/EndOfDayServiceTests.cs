using Prescient.Domain.Positions;
using Prescient.Domain.Signals;
using Prescient.Domain.Trading;
using Prescient.Domain.Values;
using Prescient.Engine.Filters;
using Prescient.Engine.Markets;
using Prescient.Engine.Quotes;
using Prescient.Engine.Refresh;
using Prescient.Engine.Storage;
using Prescient.Testing.Builders;
using static Prescient.Engine.Tests.Trading.TradingData;

namespace Prescient.Engine.Tests.History;

public sealed class EndOfDayServiceTests : IDisposable
{
    private readonly HistoryWorld _world = new();

    private static readonly string[] AllExports =
    [
        "events_filtered.csv", "markets_extracted.csv", "markets_current.csv", "signals_current.csv",
        "trades_summary.csv", "portfolio_history.csv", "positions_current.csv", "performance_daily.csv",
    ];

    [Fact]
    public async Task RunAsync_HeldPosition_MarkedAtTheFetchedBestBidAndTheDayRecorded()
    {
        var row = Row();
        var buy = _world.Hold(row, shares: 200m, price: 0.40m);
        _world.Source.Books[row.NoTokenId!.Value] = Book(row.NoTokenId.Value, HistoryWorld.Evening, [(0.47m, 10m)], [(0.45m, 10m)]);

        var result = await _world.EndOfDay.RunAsync(CancellationToken.None);

        Assert.False(result.AlreadyRecorded);
        Assert.Equal(Today, result.Date);
        var day = Assert.Single(_world.History.Days);
        Assert.Equal(result.Snapshot, day);
        Assert.Equal(HistoryWorld.Evening, day.RecordedAt);
        Assert.Equal(buy.CashAfter.Value, day.Cash);
        Assert.Equal(90m, day.PositionsValue);
        Assert.Equal(buy.CashAfter.Value + 90m, day.Equity);
        Assert.Equal(10m, day.UnrealizedPnl);
        Assert.Equal(1, day.OpenPositions);
        Assert.Equal(1, day.TradeCount);
        Assert.Equal(buy.TradeId, day.LastTradeId);
        Assert.Equal("sample", day.Source);
        var position = Assert.Single(_world.Trading.Portfolio!.Positions);
        Assert.Equal((0.45m, MarkSource.BestBid), (position.Mark, position.MarkSource));
        Assert.Equal(["portfolio.json", "portfolio_history.json"], result.FilesWritten.Take(2));
        Assert.Equal(["trades_summary.csv", "portfolio_history.csv", "positions_current.csv", "performance_daily.csv"], result.FilesWritten.Skip(2));
        Assert.Equal(day, Assert.Single(_world.MarketData.ExportedHistory!));
        Assert.Equal(day.Equity, Assert.Single(_world.MarketData.ExportedPerformance!).Equity);
        Assert.Equal("end of day for 2026-11-25 recorded: equity 10,010.00 USDC, 1 open positions, 0 settled, 0 signals archived", result.Message);
    }

    [Fact]
    public async Task RunAsync_HeldMarketResolvedSinceTheMorning_SettledBeforeTheSnapshotOnce()
    {
        var row = Row();
        var buy = _world.Hold(row, shares: 200m, price: 0.40m);
        _world.Source.Lookups[row.MarketId] = ResolvedLookup(row, noWon: true);

        var result = await _world.EndOfDay.RunAsync(CancellationToken.None);

        var settlement = Assert.Single(result.Settlements);
        Assert.Equal((TradeKind.Settlement, 1m, 200m), (settlement.Kind, settlement.Price.Value, settlement.Cost.Value));
        Assert.Equal([TradeKind.Buy, TradeKind.Settlement], _world.Trading.Trades.Select(t => t.Kind));
        var day = Assert.Single(_world.History.Days);
        Assert.Equal(buy.CashAfter.Value + 200m, day.Cash);
        Assert.Equal(day.Cash, day.Equity);
        Assert.Equal(0, day.OpenPositions);
        Assert.Equal(2, day.TradeCount);
        Assert.Equal(200m - 80m, day.RealizedPnl);
        Assert.Empty(_world.Source.BookRequests);
        Assert.Contains("1 settled", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_HeldMarketClosedButNotSettleable_MarkedAtGammasOutcomePriceNeverAtEntry()
    {
        var row = Row();
        _world.Hold(row, shares: 100m, price: 0.30m);
        _world.Source.Lookups[row.MarketId] = PendingLookup(row, yesPrice: 0.04m);

        var result = await _world.EndOfDay.RunAsync(CancellationToken.None);

        Assert.Empty(result.Settlements);
        var position = Assert.Single(_world.Trading.Portfolio!.Positions);
        Assert.Equal((0.96m, MarkSource.ResolutionPending), (position.Mark, position.MarkSource));
        Assert.Equal(96m, result.Snapshot.PositionsValue);
        Assert.Equal(result.Snapshot.Cash + 96m, result.Snapshot.Equity);
        Assert.Empty(_world.Source.BookRequests);
    }

    [Fact]
    public async Task RunAsync_HeldMarketNotLookedUp_DayStillRecordedAndTheFailureCounted()
    {
        var row = Row();
        _world.Hold(row, shares: 100m, price: 0.30m);
        _world.Source.Lookups.Remove(row.MarketId);
        _world.Source.LookupFailures[row.MarketId] = new MarketDataUnavailableException("Polymarket Gamma API (x) unavailable: malformed JSON body") { SourceReached = true };
        _world.Source.Books[row.NoTokenId!.Value] = Book(row.NoTokenId.Value, HistoryWorld.Evening, [(0.47m, 10m)], [(0.45m, 10m)]);

        var result = await _world.EndOfDay.RunAsync(CancellationToken.None);

        Assert.Single(_world.History.Days);
        Assert.Equal(1, result.LookupFailures);
        Assert.EndsWith("; 1 held market could not be looked up", result.Message, StringComparison.Ordinal);
        var position = Assert.Single(_world.Trading.Portfolio!.Positions);
        Assert.Equal((0.45m, MarkSource.BestBid), (position.Mark, position.MarkSource));
        Assert.Contains("malformed JSON body", position.LookupProblem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_HeldTokenWithoutABook_FallsBackToTheEntryPriceAndSaysSo()
    {
        var row = Row();
        _world.Hold(row, shares: 100m, price: 0.30m);

        var result = await _world.EndOfDay.RunAsync(CancellationToken.None);

        var position = Assert.Single(_world.Trading.Portfolio!.Positions);
        Assert.Equal((0.30m, MarkSource.Entry), (position.Mark, position.MarkSource));
        Assert.Equal(30m, result.Snapshot.PositionsValue);
        Assert.Equal([row.NoTokenId!.Value], Assert.Single(_world.Source.BookRequests));
    }

    [Fact]
    public async Task RunAsync_TwiceTheSameDay_SecondIsANoOpThatSaysWhenTheDayWasRecorded()
    {
        var row = Row();
        _world.Hold(row, shares: 100m, price: 0.30m);
        var first = await _world.EndOfDay.RunAsync(CancellationToken.None);
        var exports = _world.MarketData.Exports.Count;
        var portfolio = _world.Trading.Portfolio;
        _world.Time.Advance(TimeSpan.FromHours(5) + TimeSpan.FromMinutes(59));

        var second = await _world.EndOfDay.RunAsync(CancellationToken.None);

        Assert.True(second.AlreadyRecorded);
        Assert.Equal(first.Snapshot, second.Snapshot);
        Assert.Empty(second.FilesWritten);
        Assert.Equal("end of day for 2026-11-25 was already recorded at 2026-11-25 18:00:00 UTC; nothing written", second.Message);
        Assert.Single(_world.History.Days);
        Assert.Same(portfolio, _world.Trading.Portfolio);
        Assert.Equal(exports, _world.MarketData.Exports.Count);
        Assert.Single(_world.Source.BookRequests);
    }

    [Fact]
    public async Task RunAsync_NextUtcDay_AppendsASecondSnapshot()
    {
        await _world.EndOfDay.RunAsync(CancellationToken.None);
        _world.Time.Advance(TimeSpan.FromHours(6));

        var next = await _world.EndOfDay.RunAsync(CancellationToken.None);

        Assert.False(next.AlreadyRecorded);
        Assert.Equal([Today, Today.AddDays(1)], _world.History.Days.Select(d => d.Date));
        Assert.Equal(2, _world.MarketData.ExportedPerformance!.Count);
    }

    [Fact]
    public async Task RunAsync_MarketDataUnavailable_ThrowsAndWritesNothing()
    {
        _world.Hold(Row(), shares: 100m, price: 0.30m);
        _world.Trading.Signals = Signals(BuyNo(Row()));
        _world.MarketData.Quotes = new QuotesSnapshot(HistoryWorld.Evening, MarketSourceInfo.Sample, []);
        _world.Source.Failure = new MarketDataUnavailableException("CLOB unreachable after 4 attempts.");

        await Assert.ThrowsAsync<MarketDataUnavailableException>(() => _world.EndOfDay.RunAsync(CancellationToken.None));

        Assert.Empty(_world.History.Days);
        Assert.Empty(_world.History.Archives);
        Assert.Empty(_world.MarketData.DailyPrices);
        Assert.Null(_world.Trading.Portfolio);
        Assert.Empty(_world.MarketData.Exports);
    }

    [Fact]
    public async Task RunAsync_SignalsOfTodayAndYesterday_ArchivesTodaysOnly()
    {
        var today = BuyNo(Row());
        var yesterday = BuyNo(Row(), day: Today.AddDays(-1)) with { CreatedAt = Now.AddDays(-1) };
        _world.Trading.Signals = Signals(today, yesterday);

        var result = await _world.EndOfDay.RunAsync(CancellationToken.None);

        Assert.Equal(1, result.SignalsArchived);
        Assert.Equal([today.SignalId], _world.History.Archives["2026-11"].Select(s => s.SignalId));
        Assert.Contains("signals_archive_2026-11.json", result.FilesWritten);
        Assert.Contains("1 signals archived", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_QuotesFromToday_DailyPricesWrittenWhenMissingOnly()
    {
        var quotes = new QuotesSnapshot(Now, MarketSourceInfo.Sample, []);
        _world.MarketData.Quotes = quotes;

        var result = await _world.EndOfDay.RunAsync(CancellationToken.None);

        Assert.True(result.DailyPricesWritten);
        Assert.Same(quotes, _world.MarketData.DailyPrices[Today]);
        Assert.Contains("daily_prices_2026-11-25.json", result.FilesWritten);
        Assert.EndsWith(", daily prices written", result.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(0)]
    public async Task RunAsync_QuotesFromAnotherDayOrTodaysFileThere_NoDailyPricesWritten(int quotesDay)
    {
        var earlier = new QuotesSnapshot(Now.AddDays(-1), MarketSourceInfo.Sample, []);
        _world.MarketData.DailyPrices[Today] = earlier;
        _world.MarketData.Quotes = new QuotesSnapshot(Now.AddDays(quotesDay), MarketSourceInfo.Sample, []);

        var result = await _world.EndOfDay.RunAsync(CancellationToken.None);

        Assert.False(result.DailyPricesWritten);
        Assert.Same(earlier, _world.MarketData.DailyPrices[Today]);
        Assert.Single(_world.MarketData.DailyPrices);
    }

    [Fact]
    public async Task RunAsync_EveryJsonSourcePresent_RegeneratesAllEightCsvs()
    {
        var row = Row();
        _world.MarketData.Markets = new MarketsSnapshot(Now, MarketSourceInfo.Sample, [row]);
        _world.MarketData.Quotes = new QuotesSnapshot(Now, MarketSourceInfo.Sample, []);
        _world.Trading.Signals = Signals();
        var writer = await _world.MarketData.BeginEventsAsync(
            new EventsRun(Now, MarketSourceInfo.Sample, new TradingFilterOptions(), EventsStage.Filter), CancellationToken.None);
        await writer.AddAsync(new EventBuilder(Now).Build(), kept: true, [], CancellationToken.None);
        await writer.CommitAsync(CancellationToken.None);

        var result = await _world.EndOfDay.RunAsync(CancellationToken.None);

        Assert.Equal(AllExports, result.FilesWritten.Where(f => f.EndsWith(".csv", StringComparison.Ordinal)));
        Assert.Empty(_world.Source.BookRequests);
    }

    public void Dispose() => _world.Dispose();

    private static SignalsSnapshot Signals(params Signal[] signals) =>
        new(Now, MarketSourceInfo.Sample, "threshold", new Dictionary<string, string>(), signals, []);
}
