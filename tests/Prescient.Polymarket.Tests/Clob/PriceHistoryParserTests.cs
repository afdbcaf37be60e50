using System.Text.Json.Nodes;
using Prescient.Polymarket.Clob;
using Prescient.Polymarket.Tests.Server;

namespace Prescient.Polymarket.Tests.Clob;

public sealed class PriceHistoryParserTests
{
    [Theory]
    [InlineData("clob/prices_history_interval_1h.json", 62, 1770476912L, 0.225, 0.225, 0.23)]
    [InlineData("clob/prices_history_interval_1d.json", 1440, 1770394157L, 0.23, 0.225, 0.245)]
    [InlineData("clob/prices_history_interval_1w_fidelity5.json", 2013, 1769875843L, 0.265, 0.195, 0.35)]
    [InlineData("clob/prices_history_interval_1m_fidelity10.json", 4456, 1767802212L, 0.185, 0.175, 0.33)]
    public void Parse_RecordedHistory_ReadsEveryPointInOrder(string fixture, int count, long firstTime, double firstPrice, double min, double max)
    {
        var points = PriceHistoryParser.Parse(FixtureData.Object(fixture)).Value!;

        Assert.Equal(count, points.Count);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(firstTime), points[0].Time);
        Assert.Equal((decimal)firstPrice, points[0].Price);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1770480499), points[^1].Time);
        Assert.Equal(0.225m, points[^1].Price);
        Assert.Equal((decimal)min, points.Min(p => p.Price));
        Assert.Equal((decimal)max, points.Max(p => p.Price));
        Assert.True(points.Zip(points.Skip(1)).All(p => p.First.Time <= p.Second.Time));
    }

    [Theory]
    [InlineData("""{"history":[{"t":1770394157}]}""", "price history point 0 has a price outside [0, 1]")]
    [InlineData("""{"history":[{"t":1770394157,"p":1.2}]}""", "price history point 0 has a price outside [0, 1]")]
    [InlineData("""{"history":[{"t":"soon","p":0.2}]}""", "price history point 0 has no usable unix time")]
    [InlineData("""{"error":"invalid market"}""", "price history without a history array")]
    public void Parse_Malformed_ReturnsFailure(string json, string error) =>
        Assert.Equal(error, PriceHistoryParser.Parse(JsonNode.Parse(json)!.AsObject()).Error);

    [Fact]
    public void Parse_EmptyHistory_ReturnsNoPoints() =>
        Assert.Empty(PriceHistoryParser.Parse(JsonNode.Parse("""{"history":[]}""")!.AsObject()).Value!);
}
