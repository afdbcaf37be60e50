using System.Text.Json;
using System.Text.Json.Nodes;
using Prescient.Domain.Ids;
using Prescient.Engine.Filters;
using Prescient.Storage.Files.Json;

namespace Prescient.Storage.Files.Tests.Json;

public sealed class PrescientJsonTests
{
    private sealed record Sample(
        DateTimeOffset At,
        DateTimeOffset? Maybe,
        decimal Price,
        decimal? BestBid,
        TokenId Token,
        FilterReason Reason,
        string Title);

    [Fact]
    public void Serialize_Sample_SnakeCaseKeysNumbersStringsAndNulls()
    {
        var value = new Sample(
            new DateTimeOffset(2026, 11, 25, 10, 55, 51, 123, TimeSpan.FromHours(1)),
            null,
            0.1m + 0.2m,
            null,
            TokenId.Create("60590045489347122735554346200880179420435533609307820342798544098823516727807"),
            FilterReason.NoMarketAcceptingOrders,
            "Élection 2028 🚀");

        var json = JsonSerializer.Serialize(value, PrescientJson.Options);
        var node = JsonNode.Parse(json)!.AsObject();

        Assert.Equal(["at", "maybe", "price", "best_bid", "token", "reason", "title"], node.Select(p => p.Key));
        Assert.Equal("2026-11-25T09:55:51.123Z", (string?)node["at"]);
        Assert.Null(node["maybe"]);
        Assert.Contains("\"best_bid\": null", json, StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Number, node["price"]!.GetValueKind());
        Assert.Contains("\"price\": 0.3,", json, StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.String, node["token"]!.GetValueKind());
        Assert.Equal("no_market_accepting_orders", (string?)node["reason"]);
        Assert.Contains("\"Élection 2028 ", json, StringComparison.Ordinal);
        Assert.Equal("Élection 2028 🚀", (string?)node["title"]);
        Assert.Contains('\n', json);
    }

    [Theory]
    [InlineData("2026-11-25T09:00:00Z", "2026-11-25T09:00:00Z")]
    [InlineData("2026-11-25T09:00:00.1234567Z", "2026-11-25T09:00:00.1234567Z")]
    [InlineData("2026-11-25T11:00:00.5+02:00", "2026-11-25T09:00:00.5Z")]
    public void DateTimeOffset_RoundTrip_IsUtcAndLossless(string input, string written)
    {
        var value = JsonSerializer.Deserialize<DateTimeOffset>($"\"{input}\"", PrescientJson.Options);

        Assert.Equal(TimeSpan.Zero, value.Offset);
        Assert.Equal($"\"{written}\"", JsonSerializer.Serialize(value, PrescientJson.Options));
    }

    [Theory]
    [InlineData("0.1234567890123456789012345678")]
    [InlineData("79228162514264337593543950335")]
    [InlineData("-12.50")]
    public void Decimal_RoundTrip_ExactDigits(string number)
    {
        var value = JsonSerializer.Deserialize<decimal>(number, PrescientJson.Options);

        Assert.Equal(number, JsonSerializer.Serialize(value, PrescientJson.Options));
    }

    [Fact]
    public void Deserialize_TokenIdAsNumber_Refused() =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<TokenId>("123", PrescientJson.Options));

    [Fact]
    public void Deserialize_NumberWhereTimestampExpected_Refused() =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<DateTimeOffset>("1764064551", PrescientJson.Options));
}
