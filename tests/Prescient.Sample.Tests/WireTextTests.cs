using System.Globalization;
using Prescient.Sample.Universe;
using Prescient.Sample.Wire;

namespace Prescient.Sample.Tests;

public sealed class WireTextTests
{
    [Theory]
    [InlineData("0.50", "0.5")]
    [InlineData("0.0105", "0.0105")]
    [InlineData("1.000000", "1")]
    [InlineData("0", "0")]
    [InlineData("-0.00", "0")]
    [InlineData("-12.340", "-12.34")]
    [InlineData("17976157.529867", "17976157.529867")]
    [InlineData("0.000001", "0.000001")]
    [InlineData("79228162514264337593543950335", "79228162514264337593543950335")]
    public void Decimal_Values_InvariantTextWithoutTrailingZeros(string input, string expected)
    {
        Assert.Equal(expected, WireText.Decimal(decimal.Parse(input, CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Decimal_ManyMoneyValues_SameAsNormalizedToString()
    {
        var random = new Random(7);
        for (var i = 0; i < 20_000; i++)
        {
            var value = MarketModel.Money(random.NextDouble() * Math.Pow(10, random.Next(0, 9)));
            Assert.Equal(MarketModel.Normalize(value).ToString(CultureInfo.InvariantCulture), WireText.Decimal(value));
        }
    }

    [Fact]
    public void DateFormats_EachFormat_MatchesRecordedShape()
    {
        var instant = new DateTimeOffset(2026, 3, 9, 4, 5, 6, TimeSpan.Zero).AddTicks(1234560);

        Assert.Equal("2026-03-09T04:05:06Z", DateFormats.Format(instant, DateFormat.IsoSeconds));
        Assert.Equal("2026-03-09T04:05:06.123456Z", DateFormats.Format(instant, DateFormat.IsoMicroseconds));
        Assert.Equal("2026-03-09", DateFormats.Format(instant, DateFormat.DateOnly));
        Assert.Equal("2026-03-09 04:05:06+00", DateFormats.Format(instant, DateFormat.Postgres));
    }
}
