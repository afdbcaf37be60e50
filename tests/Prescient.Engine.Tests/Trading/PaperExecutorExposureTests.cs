using Prescient.Domain.Positions;
using Prescient.Domain.Trading;
using Prescient.Domain.Values;
using Prescient.Engine.Trading;
using static Prescient.Engine.Tests.Trading.TradingData;

namespace Prescient.Engine.Tests.Trading;

/// <summary>The exposure limits of <see cref="PaperExecutor.Decide"/>, and the early refusal a backtest makes from the total one (<see cref="PaperExecutor.ExceedsTotalExposure"/>).</summary>
public sealed class PaperExecutorExposureTests
{
    [Fact]
    public void Decide_EventExposureWouldPassTheLimit_IsEventExposureLimit()
    {
        var executor = Executor(new TradingOptions { MaxExposurePerEvent = 150m });
        var held = Row("7");
        var row = Row("7");
        var portfolio = new Portfolio(Usdc.Create(10_000m));
        portfolio.Apply(executor.DecideMirrored(BuyNo(held), held, NoBook(held, (0.50m, 1_000m)), portfolio, Now, "sample").Trade!);

        var decision = executor.DecideMirrored(BuyNo(row), row, NoBook(row, (0.50m, 1_000m)), portfolio, Now, "sample");

        AssertRejected(RejectionReason.EventExposureLimit, decision, "exposure in event 7 would be 100 + 100 = 200 USDC, above the limit 150 USDC");
    }

    [Fact]
    public void Decide_TotalExposureWouldPassTheLimit_IsTotalExposureLimit()
    {
        var executor = Executor(new TradingOptions { MaxTotalExposure = 150m });
        var row = Row("9");
        var portfolio = HoldingOne(executor, 10_000m);

        var decision = executor.DecideMirrored(BuyNo(row), row, NoBook(row, (0.50m, 1_000m)), portfolio, Now, "sample");

        AssertRejected(RejectionReason.TotalExposureLimit, decision, "total exposure would be 100 + 100 = 200 USDC, above the limit 150 USDC");
    }

    /// <summary>The backtest's early refusal is Decide's total exposure check: true exactly where Decide refuses for it (the stake capped at the cash above the reserve).</summary>
    [Theory]
    [InlineData(10_000, 199.99, true)]
    [InlineData(10_000, 200, false)]
    [InlineData(650, 149.99, true)]
    [InlineData(650, 150, false)]
    public void ExceedsTotalExposure_IsTrueWhereDecideRefusesForTotalExposure(decimal cash, decimal maxTotalExposure, bool exceeds)
    {
        var executor = Executor(new TradingOptions { MaxTotalExposure = maxTotalExposure });
        var row = Row("9");
        var portfolio = HoldingOne(executor, cash);

        var decision = executor.DecideMirrored(BuyNo(row), row, NoBook(row, (0.50m, 1_000m)), portfolio, Now, "sample");

        Assert.Equal(exceeds, executor.ExceedsTotalExposure(100m, portfolio));
        Assert.Equal(exceeds, decision.Rejection?.Reason == RejectionReason.TotalExposureLimit);
        Assert.Equal(!exceeds, decision.IsTrade);
    }

    [Fact]
    public void ExceedsTotalExposure_NoCashAboveTheReserve_IsFalseAndDecideRefusesForCash()
    {
        var executor = Executor(new TradingOptions { MaxTotalExposure = 150m });
        var row = Row("9");
        var portfolio = HoldingOne(executor, 600m);

        Assert.False(executor.ExceedsTotalExposure(100m, portfolio));
        AssertRejected(RejectionReason.CashReserve, executor.DecideMirrored(BuyNo(row), row, NoBook(row, (0.50m, 1_000m)), portfolio, Now, "sample"), "reserve");
    }
}
