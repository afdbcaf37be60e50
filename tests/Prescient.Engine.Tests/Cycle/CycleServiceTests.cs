using Prescient.Domain.Trading;
using Prescient.Domain.Values;
using Prescient.Engine.Markets;
using Prescient.Engine.Refresh;
using Prescient.Engine.Runs;

namespace Prescient.Engine.Tests.Cycle;

public sealed class CycleServiceTests : IDisposable
{
    private readonly CycleHarness _cycle = new();

    [Fact]
    public async Task RunAsync_TradeableMarket_RefreshesSignalsExecutesExportsAndRecordsTheRun()
    {
        var market = _cycle.AddTradeableEvent();
        var stages = new List<string>();
        var progress = new ForwardingProgress<RefreshProgress>(p => stages.Add(p.Stage));

        var result = await _cycle.Service.RunAsync(progress, CancellationToken.None);

        Assert.Equal((1, 1, 1), (result.EventsDiscovered, result.EventsKept, result.Markets));
        Assert.Equal((2, 2), (result.TokensQuoted, result.TokensWithBook));
        Assert.Equal((1, 1, 0), (result.Signals, result.Trades, result.Rejections));
        var trade = Assert.Single(_cycle.Trading.Trades);
        Assert.Equal(market.No!.TokenId, trade.TokenId);
        Assert.Equal(trade.CashAfter.Value, result.Cash);
        Assert.Equal(1, result.OpenPositions);
        Assert.Equal(result.Cash + result.PositionsValue, result.Equity);
        Assert.Equal(["signals", "execute", "export"], stages.Distinct().TakeLast(3));
        Assert.Contains("markets_extracted.csv", result.Files);
        Assert.Contains("positions_current.csv", result.Files);
        Assert.Equal(result.Files.Count, result.Files.Distinct().Count());
        var record = Assert.Single(_cycle.Runs.Records);
        Assert.Equal((RunKinds.Cycle, true, CycleHarness.Now), (record.Kind, record.Succeeded, record.StartedAt));
        Assert.Equal(result.Summary, record.Summary);
        Assert.Contains("1 signals, 1 trades", record.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_SameDayTwice_SecondRunTradesNothing()
    {
        _cycle.AddTradeableEvent();
        var first = await _cycle.Service.RunAsync(null, CancellationToken.None);

        var second = await _cycle.Service.RunAsync(null, CancellationToken.None);

        Assert.Equal(1, first.Trades);
        Assert.Equal(0, second.Trades);
        Assert.Single(_cycle.Trading.Trades);
        Assert.Equal(first.Cash, second.Cash);
        Assert.Equal([true, true], _cycle.Runs.Records.Select(r => r.Succeeded));
    }

    [Fact]
    public async Task RunAsync_ConcurrentCycles_TradeEachSignalOnce()
    {
        for (var i = 0; i < 3; i++)
        {
            _cycle.AddTradeableEvent();
        }

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => _cycle.Service.RunAsync(null, CancellationToken.None)));

        var ledger = _cycle.Trading.Trades;
        Assert.Equal(3, ledger.Count);
        Assert.Equal(3, ledger.Select(t => t.SignalId).Distinct().Count());
        Assert.Equal(3, results.Sum(r => r.Trades));
        Assert.Equal(4, _cycle.Runs.Records.Count);
    }

    [Fact]
    public async Task RunAsync_SourceDown_RecordsTheFailureWithItsMessageAndRethrows()
    {
        _cycle.AddTradeableEvent();
        _cycle.Source.Failure = new MarketDataUnavailableException("Gamma unreachable after 3 retries");

        var error = await Assert.ThrowsAsync<MarketDataUnavailableException>(() => _cycle.Service.RunAsync(null, CancellationToken.None));

        var record = Assert.Single(_cycle.Runs.Records);
        Assert.False(record.Succeeded);
        Assert.Equal(error.Message, record.Summary);
        Assert.Empty(_cycle.Trading.Trades);
    }

    [Fact]
    public async Task RunAsync_Cancelled_IsRecordedAsCancelled()
    {
        _cycle.AddTradeableEvent();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _cycle.Service.RunAsync(null, cancelled.Token));

        var record = Assert.Single(_cycle.Runs.Records);
        Assert.Equal((false, "cancelled"), (record.Succeeded, record.Summary));
    }

    [Fact]
    public async Task RunAsync_RunLogCannotBeWritten_StillTradesAndReturnsTheResult()
    {
        _cycle.AddTradeableEvent();
        _cycle.Runs.Failure = new IOException("No space left on device (simulated).");

        var result = await _cycle.Service.RunAsync(null, CancellationToken.None);

        Assert.Equal(1, result.Trades);
        Assert.Single(_cycle.Trading.Trades);
        Assert.Empty(_cycle.Runs.Records);
    }

    [Fact]
    public async Task Summary_Rejections_AreCountedByReasonInInvariantCulture()
    {
        _cycle.AddTradeableEvent();
        var result = await _cycle.Service.RunAsync(null, CancellationToken.None);

        var summary = (result with
        {
            Equity = 12_345.678m,
            RejectionsByReason = new Dictionary<RejectionReason, int> { [RejectionReason.StaleBook] = 2, [RejectionReason.InsufficientCash] = 1 },
        }).Summary;

        Assert.Contains("3 rejections (stale_book 2, insufficient_cash 1)", summary, StringComparison.Ordinal);
        Assert.Contains("equity 12345.68", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("looked up", summary, StringComparison.Ordinal);
        Assert.Contains("; 2 held markets could not be looked up; equity", (result with { LookupFailures = 2 }).Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Summary_SignalAndBookRefusals_AreCountedUnderTheirCodes()
    {
        _cycle.AddTradeableEvent();
        var result = await _cycle.Service.RunAsync(null, CancellationToken.None);
        var refusals = new[]
        {
            RejectionReason.PriceMoved, RejectionReason.SignalStale, RejectionReason.InsufficientDepth,
            RejectionReason.CrossedBook, RejectionReason.ComplementMismatch, RejectionReason.QuoteMismatch,
        };

        var summary = (result with { RejectionsByReason = refusals.ToDictionary(r => r, _ => 1) }).Summary;

        Assert.Contains(
            "6 rejections (price_moved 1, signal_stale 1, insufficient_depth 1, crossed_book 1, complement_mismatch 1, quote_mismatch 1)",
            summary,
            StringComparison.Ordinal);
    }

    public void Dispose() => _cycle.Dispose();
}
