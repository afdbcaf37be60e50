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
