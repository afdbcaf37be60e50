using Prescient.Polymarket.Feed;

namespace Prescient.Polymarket.Tests.Feed;

public sealed class FeedJsonTests
{
    [Theory]
    [InlineData("0.015", "0.015")]
    [InlineData(".48", "0.48")]
    [InlineData("2034238", "2034238")]
    [InlineData("336766.55", "336766.55")]
    [InlineData("0.50", "0.5")]
    [InlineData("1e-3", "0.001")]
    [InlineData("12345678901234567890.5", "12345678901234567890.5")]
    [InlineData("0.0000000000000000001", "0.0000000000000000001")]
    public void TryDecimal_PlainAndOtherSpellings_ReadExactly(string text, string expected)
    {
        Assert.True(FeedJson.TryDecimal(FeedFixtures.Utf8(text), out var value));
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData("0.50")]
    [InlineData("0.5")]
    [InlineData("120.5")]
    [InlineData("000.100")]
    [InlineData("5.")]
    [InlineData(".48")]
    [InlineData("0")]
    [InlineData("0.000000000000000001")]
    [InlineData("999999999999999999")]
    [InlineData("123456789.123456789")]
    public void TryDecimal_Plain_EqualsDecimalParseScaleIncluded(string text)
    {
        var expected = decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

        Assert.True(FeedJson.TryDecimal(FeedFixtures.Utf8(text), out var value));

        Assert.Equal(decimal.GetBits(expected), decimal.GetBits(value));
    }

    [Theory]
    [InlineData("0.52\",\"size", "0.52", 4)]
    [InlineData("81.07\"", "81.07", 5)]
    [InlineData("7}", "7", 1)]
    [InlineData("\"", null, 0)]
    [InlineData(".\"", null, 0)]
    [InlineData("1234567890123456789\"", null, 0)]
    public void PlainDecimalPrefix_StopsAtTheFirstOtherByte(string text, string? expected, int used)
    {
        Assert.Equal(used, FeedJson.PlainDecimalPrefix(FeedFixtures.Utf8(text), out var value));
        if (expected is not null)
        {
            Assert.Equal(decimal.GetBits(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture)), decimal.GetBits(value));
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("1.2.3")]
    [InlineData("0.5x")]
    [InlineData("abc")]
    public void TryDecimal_NotANumber_Fails(string text) =>
        Assert.False(FeedJson.TryDecimal(FeedFixtures.Utf8(text), out _));

    [Theory]
    [InlineData("\"0.52\"", "0.52")]
    [InlineData("0.52", "0.52")]
    [InlineData("null", null)]
    [InlineData("\"\"", null)]
    [InlineData("\"0\"", null)]
    [InlineData("\"1\"", null)]
    public void TryTopPrice_APriceOrAnEmptySide(string json, string? expected)
    {
        var reader = new System.Text.Json.Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(json));
        reader.Read();

        Assert.True(FeedJson.TryTopPrice(ref reader, out var value));
        Assert.Equal(expected is null ? null : decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
    }
}
