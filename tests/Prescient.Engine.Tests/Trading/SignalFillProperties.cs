using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Prescient.Domain.Books;
using Prescient.Domain.Markets;
using Prescient.Domain.Positions;
using Prescient.Domain.Trading;
using Prescient.Domain.Values;
using Prescient.Engine.Trading;
using static Prescient.Engine.Tests.Trading.TradingData;

namespace Prescient.Engine.Tests.Trading;

/// <summary>A signal that saw <see cref="SignalAsk"/> filled against a generated NO book (asks only, on the tick) with the given slippage allowance.</summary>
public sealed record SignalFillCase(decimal Tick, (decimal Price, decimal Size)[] Asks, decimal SignalAsk, decimal MaxSlippage, decimal Stake, FeeSettings Fees)
{
    public override string ToString() =>
        $"tick {Tick}, signal ask {SignalAsk}, max slippage {MaxSlippage}, stake {Stake}, fees {Fees.Rate}/{Fees.Exponent}/{Fees.TakerBaseFee}, asks {string.Join(" ", Asks.Select(l => l.Price + "x" + l.Size))}";
}

public static class SignalFillArbitraries
{
    public static Arbitrary<SignalFillCase> Cases() => Arb.From(
        from tick in TradingArbitraries.Ticks
        from asks in TradingArbitraries.Levels(tick)
        from signalSteps in Gen.Choose(1, (int)(1m / tick) - 1)
        from slippageThousandths in Gen.Frequency((1, Gen.Constant(0)), (4, Gen.Choose(1, 100)), (1, Gen.Choose(100, 1000)))
        from stakeCents in Gen.Choose(100, 500_000)
        from fees in TradingArbitraries.FeeSchedules
        select new SignalFillCase(tick, asks, signalSteps * tick, slippageThousandths / 1000m, stakeCents / 100m, fees));
}

public sealed class SignalFillProperties
{
    [Property(Arbitrary = [typeof(SignalFillArbitraries)], MaxTest = 300)]
    public void Decide_AnyBookAndSlippage_NoFillAboveTheSignalsAskPlusMaxSlippage(SignalFillCase c)
    {
        var options = new TradingOptions { MaxSlippage = c.MaxSlippage, MaxExposurePerEvent = 10_000m, MaxTotalExposure = 10_000m };
        var row = Row(change: r => r with
        {
            TickSize = c.Tick,
            FeesEnabled = c.Fees.Enabled,
            FeeRate = c.Fees.Rate,
            FeeExponent = c.Fees.Exponent,
            TakerBaseFee = c.Fees.TakerBaseFee,
        });
        var book = OrderBook.Create(row.NoTokenId!.Value, null, [], c.Asks.Select(l => new BookLevel(l.Price, l.Size))) with { Timestamp = Now, TickSize = c.Tick };
        var signal = BuyNo(row, c.Stake, limit: 0.99m, price: c.SignalAsk);

        var decision = Executor(options).DecideMirrored(signal, row, book, new Portfolio(Usdc.Create(10_000m)), Now, "sample", c.Fees);

        var ceiling = c.SignalAsk + c.MaxSlippage;
        if (!decision.IsTrade)
        {
            var rejectedForPrice = book.Asks.Count > 0 && book.Asks[0].Price > Math.Min(ceiling, 0.99m);
            Assert.True(
                decision.Rejection.Reason is RejectionReason.NoBook or RejectionReason.BelowMinimumOrderSize or RejectionReason.InsufficientDepth
                    || (rejectedForPrice && decision.Rejection.Reason is RejectionReason.PriceMoved or RejectionReason.PriceAboveMaximum),
                decision.Rejection.Reason + ": " + decision.Rejection.Detail);
            return;
        }

        Assert.True(decision.Trade.Price.Value <= ceiling, $"average {decision.Trade.Price} above {c.SignalAsk} + {c.MaxSlippage}");
        Assert.All(decision.Fill.Levels, l => Assert.True(l.Price.Value <= ceiling, $"level {l.Price} above {ceiling}"));
        Assert.Equal(c.SignalAsk, decision.Trade.SignalPrice?.Value);
        Assert.Equal(decision.Trade.Price.Value - c.SignalAsk, decision.Trade.Drift?.Value);
        Assert.True(decision.Trade.Cost.Value + decision.Trade.Fees.Value >= options.MinFillFraction * c.Stake);
    }
}
