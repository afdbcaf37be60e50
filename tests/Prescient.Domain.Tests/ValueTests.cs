using System.Text.Json;
using Prescient.Domain.Ids;
using Prescient.Domain.Values;

namespace Prescient.Domain.Tests;

public sealed class ValueTests
{
    private const string LongToken = "111128191581505463501777127559667396812474366956707382672202929745167742497287";

    [Fact]
    public void TokenId_Json_RoundTripsAsExactString()
    {
        var json = JsonSerializer.Serialize(TokenId.Create(LongToken));

        Assert.Equal("\"" + LongToken + "\"", json);
        Assert.Equal(LongToken, JsonSerializer.Deserialize<TokenId>(json).Value);
    }

    [Fact]
    public void TokenId_JsonNumber_IsRefused() =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<TokenId>(LongToken));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void EventId_Blank_Throws(string value) => Assert.Throws<ArgumentException>(() => EventId.Create(value));

    [Theory]
    [InlineData(-0.0001)]
    [InlineData(1.0001)]
    public void Probability_OutOfRange_ThrowsNamingTheRange(double value)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Probability.Create((decimal)value));

        Assert.Contains("between 0 and 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Probability_Complement_MirrorsThePrice() =>
        Assert.Equal(0.48m, Probability.Create(0.52m).Complement.Value);
}
