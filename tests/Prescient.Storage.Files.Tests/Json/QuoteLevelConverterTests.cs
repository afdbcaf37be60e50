using System.Text.Json;
using Prescient.Engine.Quotes;
using Prescient.Storage.Files.Json;

namespace Prescient.Storage.Files.Tests.Json;

public sealed class QuoteLevelConverterTests
{
    [Fact]
    public void Serialize_Levels_WritesPriceAndSizeAtTheirScaleAndReadsThemBack()
    {
        QuoteLevel[] levels = [new(0.50m, 100m), new(0.07m, 1234.5678m), new(1m, 0.01m)];

        var json = JsonSerializer.Serialize(levels, PrescientJson.CompactOptions);
        var back = JsonSerializer.Deserialize<QuoteLevel[]>(json, PrescientJson.Options);

        Assert.Equal("""[{"price":0.50,"size":100},{"price":0.07,"size":1234.5678},{"price":1,"size":0.01}]""", json);
        Assert.Equal(levels, back);
        Assert.Equal("0.50", back![0].Price.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Deserialize_KeysInAnyOrderWithExtras_ReadsTheLevel() =>
        Assert.Equal(
            new QuoteLevel(0.4m, 7m),
            JsonSerializer.Deserialize<QuoteLevel>("""{"size":7,"note":{"a":[1]},"price":0.4}""", PrescientJson.Options));

    [Theory]
    [InlineData("""{"price":0.4}""")]
    [InlineData("""{"size":7}""")]
    [InlineData("""{"price":"0.4","size":7}""")]
    [InlineData("""{"price":0.4,"size":null}""")]
    [InlineData("""[0.4,7]""")]
    [InlineData("""null""")]
    public void Deserialize_MissingOrMistypedValue_IsAJsonError(string json) =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<QuoteLevel>(json, PrescientJson.Options));
}
