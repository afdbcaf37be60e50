using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Prescient.Domain.Positions;
using Prescient.Domain.Values;
using Prescient.Engine.Extraction;
using Prescient.Engine.Markets;
using Prescient.Engine.Refresh;
using Prescient.Engine.Signals;
using Prescient.Engine.Storage;
using Prescient.Engine.Trading;
using Prescient.Testing.Fakes;
using static Prescient.Engine.Tests.Signals.SignalsData;

namespace Prescient.Engine.Tests.Signals;

public sealed class SignalServiceTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(Now);
    private readonly FakeMarketSource _source = new();
    private readonly InMemoryMarketDataStore _marketData = new();
    private readonly InMemoryTradingStore _trading = new();
    private readonly UseCaseGate _gate = new();
    private readonly SignalService _service;
    private readonly MarketRow _high = Row("7", "70");
    private readonly MarketRow _low = Row("8", "80");
    private readonly MarketRow _other = Row("8", "81", m => m with { Liquidity = 10m });

    public SignalServiceTests()
    {
        _service = new SignalService(
            _source,
            _marketData,
            _trading,
            _marketData,
            Strategy(),
            Options.Create(new TradingOptions()),
            _gate,
            _time,
            NullLogger<SignalService>.Instance);
    }

    [Fact]
    public async Task GenerateAsync_StoredMarketsAndQuotes_WritesSignalsJsonAndCsvAndCountsSkips()
    {
        Store();

        var result = await _service.GenerateAsync(CancellationToken.None);

        Assert.Equal(["current_signals.json", "signals_current.csv"], result.FilesWritten);
        Assert.Same(result.Snapshot, _trading.Signals);
        Assert.Equal(["signals_current.csv"], _marketData.Exports);
        Assert.Equal(1, result.Signals);
        Assert.Equal(new Dictionary<SkipReason, int> { [SkipReason.NotSelected] = 1, [SkipReason.BelowThreshold] = 1 }, result.Skipped);
        var snapshot = result.Snapshot;
        Assert.Equal(Now, snapshot.GeneratedAt);
        Assert.Equal(MarketSourceInfo.Sample, snapshot.Source);
        Assert.Equal("threshold", snapshot.Strategy);
        Assert.Equal("0.50", snapshot.Settings["threshold"]);
        Assert.Equal(_high.MarketId, Assert.Single(snapshot.Signals).MarketId);
        Assert.Equal([(_low.MarketId, SkipReason.BelowThreshold), (_other.MarketId, SkipReason.NotSelected)], snapshot.Skipped.Select(s => (s.MarketId, s.Reason)));
    }

    [Fact]
    public async Task GenerateAsync_LedgerHoldsTheMarket_SkipsItAsAlreadyHeld()
    {
        Store();
        await _trading.AppendAsync(Buy(new Portfolio(Usdc.Create(10_000m)), _high), CancellationToken.None);

        var result = await _service.GenerateAsync(CancellationToken.None);

        Assert.Equal(0, result.Signals);
        Assert.Equal(SkipReason.AlreadyHeld, result.Snapshot.Skipped.Single(s => s.MarketId == _high.MarketId).Reason);
    }

    [Fact]
    public async Task GenerateAsync_RerunSameDayThenNextDay_SameIdsThenNewOnes()
    {
        Store();

        var first = await _service.GenerateAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromHours(8));
        var second = await _service.GenerateAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromHours(16));
        var third = await _service.GenerateAsync(CancellationToken.None);

        Assert.Equal("20261125-70-buy_no", first.Snapshot.Signals[0].SignalId.Value);
        Assert.Equal(first.Snapshot.Signals[0].SignalId, second.Snapshot.Signals[0].SignalId);
        Assert.Equal("20261126-70-buy_no", third.Snapshot.Signals[0].SignalId.Value);
        Assert.Equal(Now.AddDays(1), _trading.Signals!.GeneratedAt);
    }

    [Fact]
    public async Task GenerateAsync_NoMarkets_SaysToRefreshAndWritesNothing()
    {
        _marketData.Quotes = new QuotesSnapshot(Now, MarketSourceInfo.Sample, []);

        var error = await Assert.ThrowsAsync<MissingStateException>(() => _service.GenerateAsync(CancellationToken.None));

        Assert.Equal(PipelineStep.Events, error.Step);
        Assert.Null(_trading.Signals);
        Assert.Empty(_marketData.Exports);
    }

    [Fact]
    public async Task GenerateAsync_NoQuotes_SaysToRefreshAndWritesNothing()
    {
        _marketData.Markets = new MarketsSnapshot(Now, MarketSourceInfo.Sample, [_high]);

        var error = await Assert.ThrowsAsync<MissingStateException>(() => _service.GenerateAsync(CancellationToken.None));

        Assert.Equal((PipelineStep.Quotes, "No quotes yet"), (error.Step, error.Missing));
        Assert.Null(_trading.Signals);
    }

    [Theory]
    [InlineData("markets", "events/filtered_markets.json came from the live source, not sample")]
    [InlineData("quotes", "markets/market_cache.json came from the live source, not sample")]
    public async Task GenerateAsync_StateFromAnotherSource_Refuses(string which, string message)
    {
        Store();
        if (which == "markets")
        {
            _marketData.Markets = _marketData.Markets! with { Source = MarketSourceInfo.Live };
        }
        else
        {
            _marketData.Quotes = _marketData.Quotes! with { Source = MarketSourceInfo.Live };
        }

        var error = await Assert.ThrowsAsync<MissingStateException>(() => _service.GenerateAsync(CancellationToken.None));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
        Assert.Null(_trading.Signals);
    }

    [Fact]
    public async Task GenerateAsync_WhileAnotherUseCaseHoldsTheGate_WaitsForIt()
    {
        Store();
        var release = new TaskCompletionSource<int>();
        var holder = _gate.RunAsync(_ => release.Task, CancellationToken.None);

        var generating = _service.GenerateAsync(CancellationToken.None);

        Assert.False(generating.IsCompleted);
        Assert.Null(_trading.Signals);
        release.SetResult(0);
        await holder;
        Assert.Equal(1, (await generating).Signals);
    }

    [Fact]
    public async Task ReadCurrentAsync_NothingGenerated_SaysToRunSignals()
    {
        var error = await Assert.ThrowsAsync<MissingStateException>(() => _service.ReadCurrentAsync(CancellationToken.None));

        Assert.Equal(PipelineStep.Signals, error.Step);
    }

    [Fact]
    public async Task ReadCurrentAsync_AfterGenerate_ReturnsTheStoredSnapshot()
    {
        Store();
        var result = await _service.GenerateAsync(CancellationToken.None);

        Assert.Same(result.Snapshot, await _service.ReadCurrentAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ExportCsvAsync_FromStoredSignals_ExportsWithoutRunningTheStrategy()
    {
        Store();
        await _service.GenerateAsync(CancellationToken.None);
        _marketData.Markets = null;

        var path = await _service.ExportCsvAsync(CancellationToken.None);

        Assert.Equal("signals_current.csv", path);
        Assert.Equal(2, _marketData.Exports.Count);
    }

    [Fact]
    public async Task ExportCsvAsync_NothingGenerated_SaysToRunSignals()
    {
        await Assert.ThrowsAsync<MissingStateException>(() => _service.ExportCsvAsync(CancellationToken.None));

        Assert.Empty(_marketData.Exports);
    }

    public void Dispose() => _gate.Dispose();

    private void Store()
    {
        _marketData.Markets = new MarketsSnapshot(Now, MarketSourceInfo.Sample, [_high, _low, _other]);
        _marketData.Quotes = new QuotesSnapshot(
            Now,
            MarketSourceInfo.Sample,
            [.. TwoSided(_high, 0.61m, 0.63m), .. TwoSided(_low, 0.30m, 0.32m), .. TwoSided(_other, 0.61m, 0.63m)]);
    }
}
