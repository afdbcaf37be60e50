using Prescient.Domain.Markets;
using Prescient.Domain.Trading;
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

        Assert.Equal(0m, FeeModel.TakerFee(FeeSettings.None, 0.5m, 100m));
        Assert.Equal(0m, FeeModel.TakerFee(disabledWithRate, 0.5m, 100m));
    }

    [Fact]
    public void TakerFee_SportsScheduleExponent1_IsSharesTimesRateTimesPTimesOneMinusP()
    {
        // 100 × 0.03 × (0.5 × 0.5) = 0.75 USDC
        Assert.Equal(0.75m, FeeModel.TakerFee(Sports, 0.5m, 100m));
    }

    [Fact]
    public void TakerFee_CryptoScheduleExponent2_SquaresPTimesOneMinusP()
    {
        // 100 × 0.25 × (0.5 × 0.5)² = 1.5625; at 0.2: 100 × 0.25 × 0.16² = 0.64
        Assert.Equal(1.5625m, FeeModel.TakerFee(Crypto, 0.5m, 100m));
        Assert.Equal(0.64m, FeeModel.TakerFee(Crypto, 0.2m, 100m));
    }

    [Fact]
    public void TakerFee_MoreThanSixPlaces_RoundsUp()
    {
        // 1 × 0.03 × 0.333 × 0.667 = 0.00666333 → 0.006664
        Assert.Equal(0.006664m, FeeModel.TakerFee(Sports, 0.333m, 1m));
    }

    [Fact]
    public void TakerFee_SeveralLevels_RoundsTheSumOnceNotEachLevel()
    {
        FillLevel[] levels = [new(0.333m, 1m), new(0.333m, 1m)];

        // exact 0.01332666 → 0.013327; rounding each level first would give 0.013328
        Assert.Equal(0.013327m, FeeModel.TakerFee(Sports, levels));
    }

    [Fact]
    public void TakerFee_NoExponent_CountsAsExponent1()
    {
        Assert.Equal(0.75m, FeeModel.TakerFee(Sports with { Exponent = null }, 0.5m, 100m));
    }

    [Fact]
    public void TakerFee_FractionalExponent_UsesThePower()
    {
        // 10 × 0.1 × 0.25^1.5 = 0.125
        Assert.Equal(0.125m, FeeModel.TakerFee(new FeeSettings { Enabled = true, Rate = 0.1m, Exponent = 1.5m }, 0.5m, 10m));
    }

    [Fact]
    public void TakerFee_LegacyBaseFeeWithoutRate_IsBasisPointsOfTheUsdcTraded()
    {
        var legacy = new FeeSettings { Enabled = true, TakerBaseFee = 150m };

        // 100 shares × 0.4 × 150 / 10,000 = 0.6
        Assert.Equal(0.6m, FeeModel.TakerFee(legacy, 0.4m, 100m));
    }

    [Fact]
    public void TakerFee_EnabledWithoutRateOrBaseFee_IsZero()
    {
        Assert.Equal(0m, FeeModel.TakerFee(new FeeSettings { Enabled = true }, 0.4m, 100m));
    }

    [Fact]
    public void TakerFee_RateWinsOverLegacyBaseFee()
    {
        Assert.Equal(0.75m, FeeModel.TakerFee(Sports with { TakerBaseFee = 1000m }, 0.5m, 100m));
    }

    [Fact]
    public void TakerFee_PriceOutOfRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FeeModel.TakerFee(Sports, 1.01m, 1m));
    }
}
