using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Prescient.Domain.Books;
using Prescient.Domain.Markets;
using Prescient.Domain.Signals;
using Prescient.Domain.Trading;
using Prescient.Domain.Values;
using Prescient.Engine.Extraction;
using Prescient.Engine.Markets;
using Prescient.Engine.Refresh;
using Prescient.Engine.Settlement;
using Prescient.Engine.Storage;
using Prescient.Engine.Trading;
using Prescient.Testing.Fakes;
using static Prescient.Engine.Tests.Trading.TradingData;

namespace Prescient.Engine.Tests.Trading;

/// <summary>Execution of markets with fees on and no fee schedule: the CLOB base fee, asked once per token per run, or <c>fee_unknown</c>.</summary>
public sealed class ExecutionServiceFeeTests : IDisposable
{
    private readonly ExecutionWorld _world = new();

    [Fact]
    public async Task ExecuteAsync_FeesWithoutSchedule_FillsWithTheClobBaseFeeAskedOncePerTokenPerRun()
    {
        var crypto = CryptoRow("1");
        var sports = Row("2", r => r with { FeesEnabled = true, FeeRate = 0.03m, FeeExponent = 1m, TakerBaseFee = 1000m });
        var free = Row("3");
        _world.Given([crypto, sports, free], BuyNo(crypto), BuyNo(crypto, day: Today.AddDays(1)), BuyNo(sports), BuyNo(free));
        foreach (var row in new[] { crypto, sports, free })
        {
            _world.GivenBooks(NoBook(row, (0.40m, 1_000m)), row);
        }

        _world.Source.BaseFees[crypto.NoTokenId!.Value] = 150m;

        var result = await _world.Service.ExecuteAsync(CancellationToken.None);
        var askedInFirstRun = _world.Source.FeeRateRequests.ToArray();
        await _world.Service.ExecuteAsync(CancellationToken.None);

        // 246.30 shares at 0.40 = 98.52 USDC; fee 246.30 × min(0.40, 0.60) × 150 / 10,000 = 1.4778 (Gamma's 1000 would make it 9.852).
        var filled = result.Trades.Single(t => t.MarketId == crypto.MarketId);
        Assert.Equal(246.30m, filled.Shares.Value);
        Assert.Equal(1.4778m, filled.Fees.Value);
        Assert.Equal(RejectionReason.PositionAlreadyOpen, Assert.Single(result.Rejections).Reason);
        Assert.Equal(3, result.Trades.Count);
        Assert.Equal([crypto.NoTokenId!.Value], askedInFirstRun);

        // The next run asks again (a fee can change), for the signal still open only.
        Assert.Equal([crypto.NoTokenId!.Value, crypto.NoTokenId!.Value], _world.Source.FeeRateRequests);
    }

    [Fact]
    public async Task ExecuteAsync_ClobHasNoBaseFee_RejectsAsFeeUnknown()
    {
        var crypto = CryptoRow("1");
        _world.Given([crypto], BuyNo(crypto));
        _world.GivenBooks(NoBook(crypto, (0.40m, 1_000m)), crypto);

        var result = await _world.Service.ExecuteAsync(CancellationToken.None);

        Assert.Empty(result.Trades);
        var rejection = Assert.Single(result.Rejections);
        Assert.Equal(RejectionReason.FeeUnknown, rejection.Reason);
        Assert.Contains($"base fee of token {crypto.NoTokenId}", rejection.Detail, StringComparison.Ordinal);
        Assert.Empty(_world.Trading.Trades);
    }

    [Fact]
    public async Task ExecuteAsync_BaseFeeCannotBeHad_RejectsThatSignalAndFillsTheOthers()
    {
        var crypto = CryptoRow("1");
        var free = Row("2");
        _world.Given([crypto, free], BuyNo(crypto), BuyNo(free));
        _world.GivenBooks(NoBook(crypto, (0.40m, 1_000m)), crypto);
        _world.GivenBooks(NoBook(free, (0.40m, 1_000m)), free);
        _world.Source.BaseFees[crypto.NoTokenId!.Value] = 150m;
        _world.Source.FeeRateFailure = new MarketDataUnavailableException("Polymarket CLOB API (127.0.0.1) unavailable: HTTP 503");

        var result = await _world.Service.ExecuteAsync(CancellationToken.None);

        Assert.Equal(free.MarketId, Assert.Single(result.Trades).MarketId);
        Assert.Equal(RejectionReason.FeeUnknown, Assert.Single(result.Rejections).Reason);
    }

    [Fact]
    public async Task ExecuteAsync_FeeMarketClosed_AsksNoBaseFee()
    {
        var crypto = CryptoRow("1", r => r with { Closed = true, AcceptingOrders = false });
        _world.Given([crypto], BuyNo(crypto));

        var result = await _world.Service.ExecuteAsync(CancellationToken.None);

        Assert.Equal(RejectionReason.MarketClosed, Assert.Single(result.Rejections).Reason);
        Assert.Empty(_world.Source.FeeRateRequests);
    }

    public void Dispose() => _world.Dispose();

    /// <summary>A crypto Up/Down market as Gamma lists it: fees on, no schedule, <c>takerBaseFee</c> 1000.</summary>
    private static MarketRow CryptoRow(string eventId, Func<MarketRow, MarketRow>? change = null) =>
        Row(eventId, r =>
        {
            var crypto = r with { FeesEnabled = true, FeeType = "crypto_fees", MakerBaseFee = 1000m, TakerBaseFee = 1000m };
            return change is null ? crypto : change(crypto);
        });
}
