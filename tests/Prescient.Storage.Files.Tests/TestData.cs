using System.Globalization;
using System.Text.Json.Nodes;
using Prescient.Domain.Ids;
using Prescient.Domain.Markets;
using Prescient.Engine.Extraction;
using Prescient.Engine.Markets;
using Prescient.Engine.Quotes;
using Prescient.Engine.Storage;
using Prescient.Testing;

namespace Prescient.Storage.Files.Tests;

/// <summary>Rows, quotes and events for the store and export tests, with real ids from the fixtures.</summary>
internal static class TestData
{
    /// <summary>The YES and NO tokens of "Will Stephen A. Smith win the 2028 Democratic presidential nomination?" (77 digits each).</summary>
    public const string YesToken = "60590045489347122735554346200880179420435533609307820342798544098823516727807";
    public const string NoToken = "76005700027045000587004110133818166617024719626220722682005164003117993034812";
    public const string Condition = "0xc8f1cf5d4f26e0fd9c8fe89f2a7b3263b902cf14fde7bfccef525753bb492e47";

    public static readonly DateTimeOffset GeneratedAt = new(2026, 11, 25, 9, 55, 51, 123, TimeSpan.Zero);

    public static MarketRow Row(string question = "Will Stephen A. Smith win the 2028 Democratic presidential nomination?") => new()
    {
        EventId = EventId.Create("30829"),
        EventSlug = "democratic-presidential-nominee-2028",
        EventTitle = "Democratic Presidential Nominee 2028",
        MarketId = MarketId.Create("559657"),
        ConditionId = ConditionId.Create(Condition),
        Question = question,
        MarketSlug = "will-stephen-a-smith-win-the-2028-democratic-presidential-nomination",
        GroupItemTitle = "Stephen A. Smith",
        Outcomes = ["Yes", "No"],
        YesTokenId = TokenId.Create(YesToken),
        NoTokenId = TokenId.Create(NoToken),
        YesPrice = 0.1m + 0.2m,
        NoPrice = 0.7m,
        BestBid = 0.29m,
        BestAsk = 0.31m,
        Spread = 0.02m,
        LastTradePrice = null,
        Liquidity = 1234567.1234567890123456789012m,
        Volume = 0.1234567890123456789012345678m,
        Volume24h = 79228162514264337593543950335m,
        EndDate = new DateTimeOffset(2028, 11, 7, 0, 0, 0, TimeSpan.Zero),
        Active = true,
        AcceptingOrders = true,
        EnableOrderBook = true,
        NegRisk = true,
        NegRiskMarketId = "0x2c2a3f4b5e6d",
        TickSize = 0.001m,
        MinOrderSize = 5m,
        FeesEnabled = true,
        FeeType = "sports_fees_v2",
        FeeRate = 0.03m,
        FeeExponent = 1m,
        UmaResolutionStatus = null,
    };

    /// <summary>A quote with a book on the bid side only (best ask, mid and spread null).</summary>
    public static TokenQuote Quote(string tokenId = YesToken, string outcome = "Yes") => new()
    {
        TokenId = TokenId.Create(tokenId),
        ConditionId = ConditionId.Create(Condition),
        MarketId = MarketId.Create("559657"),
        EventId = EventId.Create("30829"),
        Question = "Will Stephen A. Smith win the 2028 Democratic presidential nomination?",
        Outcome = outcome,
        HasBook = true,
        BestBid = 0.515m,
        BestAsk = null,
        Mid = null,
        Spread = null,
        Bids = [new QuoteLevel(0.515m, 1000.25m), new QuoteLevel(0.51m, 234.25m)],
        Asks = [],
        TickSize = 0.001m,
        MinOrderSize = 5m,
        LastTradePrice = 0.1234567890123456789012345678m,
        BookTimestamp = new DateTimeOffset(2026, 11, 25, 10, 55, 51, 987, TimeSpan.FromHours(1)),
    };

    public static MarketsSnapshot Markets(params MarketRow[] rows) => new(GeneratedAt, MarketSourceInfo.Sample, rows);

    public static QuotesSnapshot Quotes(params TokenQuote[] quotes) => new(GeneratedAt, MarketSourceInfo.Live, quotes);

    /// <summary>The events of a recorded Gamma events response, raw objects kept whole.</summary>
    public static IReadOnlyList<MarketEvent> FixtureEvents(string relative) =>
        Fixtures.Json(relative).AsArray().Select(n => Event(n!.AsObject().DeepClone().AsObject())).ToArray();

    /// <summary>A <see cref="MarketEvent"/> over an upstream object, with the key fields the exports read.</summary>
    public static MarketEvent Event(JsonObject raw) => new()
    {
        Id = EventId.Create(raw["id"]!.ToString()),
        Slug = (string?)raw["slug"],
        Title = (string?)raw["title"],
        Liquidity = Decimal(raw["liquidity"]),
        Volume = Decimal(raw["volume"]),
        NegRisk = (bool?)raw["negRisk"] ?? false,
        Raw = raw.ToElement(),
    };

    private static decimal? Decimal(JsonNode? node) =>
        node is null ? null : decimal.Parse(node.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture);
}
