using System.Globalization;
using Prescient.Engine.Signals;
using Prescient.Engine.Trading;

namespace Prescient.Engine.Tests.Signals;

/// <summary>The numbers in signals and rejections read as the custom formats they replace wrote them, digit for digit.</summary>
public sealed class StrategyTextTests
{
    public static TheoryData<decimal> Edges => new()
    {
        0m, -0m, 0.00m, 1m, 1.0m, 0.5m, 0.50m, 0.500000m, 0.615m, 0.01m, 0.0000000001m, 0.00000000001m, 0.123456789012m,
        100m, 100.0000000000m, 8000.00m, 0.0000005m, 0.00000051m, 1234567.1234565m, -0.5m, -0.000000000001m,
        79228162514264337593543950335m, 7922816251426433759354395033.5m, 0.9999999999999m, 99.99999999995m,
    };

    [Theory]
    [MemberData(nameof(Edges))]
    public void PriceAndN_Edges_AsTheCustomFormats(decimal value)
    {
        Assert.Equal(value.ToString("0.00########", CultureInfo.InvariantCulture), StrategyText.Price(value));
        Assert.Equal(value.ToString("0.######", CultureInfo.InvariantCulture), RejectionDetails.N(value));
    }

    [Fact]
    public void PriceAndN_ManyValuesAndScales_AsTheCustomFormats()
    {
        var random = new Random(17);
        for (var i = 0; i < 20_000; i++)
        {
            var value = new decimal(random.Next(), random.Next(0, 3) == 0 ? random.Next() : 0, 0, random.Next(0, 8) == 0, (byte)random.Next(0, 15));
            Assert.Equal(value.ToString("0.00########", CultureInfo.InvariantCulture), StrategyText.Price(value));
            Assert.Equal(value.ToString("0.######", CultureInfo.InvariantCulture), RejectionDetails.N(value));
        }
    }
}
