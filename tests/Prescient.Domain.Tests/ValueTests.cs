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
    public void Price_OutOfRange_ThrowsNamingTheRange(double value)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Price.Create((decimal)value));

        Assert.Contains("between 0 and 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Price_TryCreate_OutOfRange_ReturnsFalse() => Assert.False(Price.TryCreate(1.5m, out _));

    [Fact]
    public void Price_Complement_MirrorsThePrice() =>
        Assert.Equal(0.48m, Price.Create(0.52m).Complement.Value);

    [Fact]
    public void Price_TimesShares_IsUsdcExactly()
    {
        var price = Price.Create(0.37m);
        var shares = Shares.Create(12.50m);

        Assert.Equal(Usdc.Create(4.6250m), price * shares);
        Assert.Equal(Usdc.Create(4.6250m), shares * price);
    }

    [Fact]
    public void Shares_Negative_ThrowsNamingTheRange()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Shares.Create(-0.01m));

        Assert.Contains("0 or more", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Shares_SubtractingMoreThanHeld_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Shares.Create(1m) - Shares.Create(2m));

    [Fact]
    public void Usdc_Arithmetic_KeepsDecimalExactness()
    {
        var a = Usdc.Create(10.10m);
        var b = Usdc.Create(0.20m);

        Assert.Equal(10.30m, (a + b).Value);
        Assert.Equal(-9.90m, (b - a).Value);
        Assert.Equal(5.05m, (a / 2m).Value);
        Assert.Equal(0.60m, (b * 3m).Value);
        Assert.True(b < a);
        Assert.Equal(0m, Usdc.Zero.Value);
    }

    [Fact]
    public void Values_Json_ArePlainNumbersWithTrailingZerosKept()
    {
        Assert.Equal("0.50", JsonSerializer.Serialize(Price.Create(0.50m)));
        Assert.Equal("-1.250000", JsonSerializer.Serialize(Usdc.Create(-1.250000m)));
        Assert.Equal("12.00", JsonSerializer.Serialize(Shares.Create(12.00m)));
        Assert.Equal("0.50", JsonSerializer.Deserialize<Price>("0.50").ToString());
        Assert.Equal(-1.250000m, JsonSerializer.Deserialize<Usdc>("-1.250000").Value);
        Assert.Equal(12.00m, JsonSerializer.Deserialize<Shares?>("12.00")!.Value.Value);
        Assert.Null(JsonSerializer.Deserialize<Price?>("null"));
    }

    [Fact]
    public void Price_JsonOutOfRangeOrString_IsRefused()
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Price>("1.5"));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Price>("\"0.5\""));
    }
}
