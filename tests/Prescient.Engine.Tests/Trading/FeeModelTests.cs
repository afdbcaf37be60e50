using Prescient.Domain.Markets;
using Prescient.Domain.Trading;
using Prescient.Domain.Values;
using Prescient.Engine.Trading;

namespace Prescient.Engine.Tests.Trading;

public sealed class FeeModelTests
{
    private static readonly FeeSettings Sports = new() { Enabled = true, Rate = 0.03m, Exponent = 1m };
    private static readonly FeeSettings Crypto = new() { Enabled = true, Rate = 0.25m, Exponent = 2m };

    [Fact]
    public void TakerFee_FeesDisabled_IsZero()
    {
        var disabledWithRate = Sports with { Enabled = false, TakerBaseFee = 200m };

        Assert.Equal(0m, FeeModel.TakerFee(FeeSettings.None, Price.Create(0.5m), Shares.Create(100m)).Value);
        Assert.Equal(0m, FeeModel.TakerFee(disabledWithRate, Price.Create(0.5m), Shares.Create(100m)).Value);
    }

    [Fact]
    public void TakerFee_SportsScheduleExponent1_IsSharesTimesRateTimesPTimesOneMinusP()
    {
        // 100 × 0.03 × (0.5 × 0.5) = 0.75 USDC
        Assert.Equal(0.75m, FeeModel.TakerFee(Sports, Price.Create(0.5m), Shares.Create(100m)).Value);
    }

    [Fact]
    public void TakerFee_CryptoScheduleExponent2_SquaresPTimesOneMinusP()
    {
        // 100 × 0.25 × (0.5 × 0.5)² = 1.5625; at 0.2: 100 × 0.25 × 0.16² = 0.64
        Assert.Equal(1.5625m, FeeModel.TakerFee(Crypto, Price.Create(0.5m), Shares.Create(100m)).Value);
        Assert.Equal(0.64m, FeeModel.TakerFee(Crypto, Price.Create(0.2m), Shares.Create(100m)).Value);
    }

    [Fact]
    public void TakerFee_MoreThanSixPlaces_RoundsUp()
    {
        // 1 × 0.03 × 0.333 × 0.667 = 0.00666333 → 0.006664
        Assert.Equal(0.006664m, FeeModel.TakerFee(Sports, Price.Create(0.333m), Shares.Create(1m)).Value);
    }

    [Fact]
    public void TakerFee_SeveralLevels_RoundsTheSumOnceNotEachLevel()
    {
        FillLevel[] levels = [new(Price.Create(0.333m), Shares.Create(1m)), new(Price.Create(0.333m), Shares.Create(1m))];

        // exact 0.01332666 → 0.013327; rounding each level first would give 0.013328
        Assert.Equal(0.013327m, FeeModel.TakerFee(Sports, levels).Value);
    }

    [Fact]
    public void TakerFee_NoExponent_CountsAsExponent1()
    {
        Assert.Equal(0.75m, FeeModel.TakerFee(Sports with { Exponent = null }, Price.Create(0.5m), Shares.Create(100m)).Value);
    }

    [Fact]
    public void TakerFee_FractionalExponent_UsesThePower()
    {
        // 10 × 0.1 × 0.25^1.5 = 0.125
        Assert.Equal(0.125m, FeeModel.TakerFee(new FeeSettings { Enabled = true, Rate = 0.1m, Exponent = 1.5m }, Price.Create(0.5m), Shares.Create(10m)).Value);
    }

    [Fact]
    public void TakerFee_BaseFeeWithoutSchedule_IsBpsOfMinOfPAndOneMinusPPerShare()
    {
        var clob = new FeeSettings { Enabled = true, BaseFeeBps = 150m };

        // 100 × min(0.4, 0.6) × 150 / 10,000 = 100 × 0.4 × 0.015 = 0.6
        Assert.Equal(0.6m, FeeModel.TakerFee(clob, Price.Create(0.4m), Shares.Create(100m)).Value);

        // 100 × min(0.7, 0.3) × 0.015 = 0.45: above 0.5 the fee falls again, as on the exchange
        Assert.Equal(0.45m, FeeModel.TakerFee(clob, Price.Create(0.7m), Shares.Create(100m)).Value);
    }

    [Fact]
    public void TakerFee_BaseFee_IsTheSameAtPAndOneMinusP()
    {
        var clob = new FeeSettings { Enabled = true, BaseFeeBps = 30m };

        // 250 × 0.2 × 30 / 10,000 = 0.15 at 0.2 and at 0.8
        Assert.Equal(0.15m, FeeModel.TakerFee(clob, Price.Create(0.2m), Shares.Create(250m)).Value);
        Assert.Equal(0.15m, FeeModel.TakerFee(clob, Price.Create(0.8m), Shares.Create(250m)).Value);
    }

    [Fact]
    public void TakerFee_SampleBaseFee1000AtHalf_IsFiveCentsAShare()
    {
        // 40 × 0.5 × 1000 / 10,000 = 2: 10 % of the 20 USDC traded, the most the fee can be
        Assert.Equal(2m, FeeModel.TakerFee(new FeeSettings { Enabled = true, BaseFeeBps = 1000m }, Price.Create(0.5m), Shares.Create(40m)).Value);
    }

    [Fact]
    public void TakerFee_BaseFeeMoreThanSixPlaces_RoundsUp()
    {
        // 1 × 0.3333 × 30 / 10,000 = 0.0009999 → 0.001
        Assert.Equal(0.001m, FeeModel.TakerFee(new FeeSettings { Enabled = true, BaseFeeBps = 30m }, Price.Create(0.3333m), Shares.Create(1m)).Value);
    }

    [Fact]
    public void TakerFee_BaseFeeZero_IsZero()
    {
        Assert.Equal(0m, FeeModel.TakerFee(new FeeSettings { Enabled = true, BaseFeeBps = 0m, TakerBaseFee = 1000m }, Price.Create(0.4m), Shares.Create(100m)).Value);
    }

    [Fact]
    public void TakerFee_GammaTakerBaseFeeAlone_IsNotARateAndThrows()
    {
        var unresolved = new FeeSettings { Enabled = true, TakerBaseFee = 1000m };

        Assert.True(unresolved.NeedsBaseFee);
        Assert.Throws<InvalidOperationException>(() => FeeModel.TakerFee(unresolved, Price.Create(0.4m), Shares.Create(100m)).Value);
    }

    [Fact]
    public void TakerFee_EnabledWithoutRateOrBaseFee_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => FeeModel.TakerFee(new FeeSettings { Enabled = true }, Price.Create(0.4m), Shares.Create(100m)).Value);
    }

    [Fact]
    public void TakerFee_RateWinsOverBaseFees()
    {
        Assert.Equal(0.75m, FeeModel.TakerFee(Sports with { TakerBaseFee = 1000m, BaseFeeBps = 1000m }, Price.Create(0.5m), Shares.Create(100m)).Value);
    }

    [Fact]
    public void TakerFee_PriceOutOfRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FeeModel.TakerFee(Sports, Price.Create(1.01m), Shares.Create(1m)).Value);
    }
}
