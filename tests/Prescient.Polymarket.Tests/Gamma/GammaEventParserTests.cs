using System.Text.Json;
using System.Text.Json.Nodes;
using Prescient.Domain.Ids;
using Prescient.Domain.Markets;
using Prescient.Polymarket.Gamma;
using Prescient.Polymarket.Tests.Server;
using Prescient.Testing;

namespace Prescient.Polymarket.Tests.Gamma;

public sealed class GammaEventParserTests
{
    private static DateTimeOffset Utc(int y, int mo, int d, int h = 0, int mi = 0, int s = 0) => new(y, mo, d, h, mi, s, TimeSpan.Zero);

    private static MarketEvent ParseOnly(string fixture, int index = 0)
    {
        var result = new GammaEventParser().Parse(FixtureData.EventObjects(fixture)[index].ToElement());
        Assert.Null(result.Error);
        return result.Value!;
    }

    [Fact]
    public void Parse_MicroStrategyEvent_MapsEventFieldsAndTags()
    {
        var e = ParseOnly(FixtureData.MicroStrategy);

        Assert.Equal(EventId.Create("16167"), e.Id);
        Assert.Equal("microstrategy-sell-any-bitcoin-in-2025", e.Slug);
        Assert.Equal("MicroStrategy sells any Bitcoin by ___ ?", e.Title);
        Assert.True(e.Active);
        Assert.False(e.Closed);
        Assert.False(e.Archived);
        Assert.True(e.EnableOrderBook);
        Assert.False(e.NegRisk);
        Assert.Equal(234171.44213m, e.Liquidity);
        Assert.Equal(19994374.236439m, e.Volume);
        Assert.Equal(43672.059218m, e.Volume24h);
        Assert.Equal(Utc(2024, 12, 31, 18, 51, 45).AddTicks(5060050), e.StartDate);
        Assert.Equal(Utc(2025, 12, 31, 12), e.EndDate);
        Assert.Equal(7, e.Tags.Count);
        Assert.Equal(new Tag("120", "finance", "Finance"), e.Tags[0]);
        Assert.Equal(new Tag("604", "stocks", "Stocks"), e.Tags[6]);
        Assert.Equal(["516926", "824952", "692250", "692258"], e.Markets.Select(m => m.Id.Value));
        Assert.All(e.Markets, m => Assert.Equal(e.Id, m.EventId));
    }

    [Fact]
    public void Parse_MicroStrategyResolvedChild_AbsentKeysAreNullNotZero()
    {
        var resolved = ParseOnly(FixtureData.MicroStrategy).Markets[0];

        Assert.Equal(ConditionId.Create("0x19ee98e348c0ccb341d1b9566fa14521566e9b2ea7aed34dc407a0ec56be36a2"), resolved.ConditionId);
        Assert.Equal("MicroStrategy sells any Bitcoin in 2025?", resolved.Question);
        Assert.True(resolved.Closed);
        Assert.True(resolved.Active);
        Assert.False(resolved.AcceptingOrders);
        Assert.False(resolved.IsTradeable);
        Assert.Null(resolved.BestBid);
        Assert.Null(resolved.Liquidity);
        Assert.Null(resolved.Volume24h);
        Assert.Equal(0.001m, resolved.BestAsk);
        Assert.Equal(1m, resolved.LastTradePrice);
        Assert.Equal(17976157.529867m, resolved.Volume);
        Assert.Equal(Utc(2026, 1, 5, 4, 22, 25), resolved.ClosedTime);
        Assert.Equal("resolved", resolved.UmaResolutionStatus);
        Assert.Equal("93592949212798121127213117304912625505836768562433217537850469496310204567695", resolved.Yes!.TokenId!.Value.Value);
        Assert.Equal("3074539347152748632858978545166555332546941892131779352477699494423276162345", resolved.No!.TokenId!.Value.Value);
        Assert.Equal(0m, resolved.Yes.Price);
        Assert.Equal(1m, resolved.No.Price);
        Assert.Same(FeeSettings.None, resolved.Fees);
    }

    [Fact]
    public void Parse_MicroStrategyOpenChild_MapsQuoteLiquidityAndTokens()
    {
        var open = ParseOnly(FixtureData.MicroStrategy).Markets[1];

        Assert.Equal("MicroStrategy sells any Bitcoin by December 31, 2026?", open.Question);
        Assert.Equal("December 31, 2026", open.GroupItemTitle);
        Assert.Equal(["Yes", "No"], open.Outcomes.Select(o => o.Name));
        Assert.Equal("111128191581505463501777127559667396812474366956707382672202929745167742497287", open.Yes!.TokenId!.Value.Value);
        Assert.Equal("99807503632459517030616292055983105381849115736225256331133222076990620978808", open.No!.TokenId!.Value.Value);
        Assert.Equal(0.23m, open.Yes.Price);
        Assert.Equal(0.77m, open.No.Price);
        Assert.Equal(0.22m, open.BestBid);
        Assert.Equal(0.24m, open.BestAsk);
        Assert.Equal(0.02m, open.Spread);
        Assert.Equal(33379.2455m, open.Liquidity);
        Assert.Equal(225742.615693m, open.Volume);
        Assert.Equal(6263.101253m, open.Volume24h);
        Assert.Equal(Utc(2026, 7, 1, 4), open.EndDate);
        Assert.Equal(0.01m, open.TickSize);
        Assert.Equal(5m, open.MinOrderSize);
        Assert.True(open.IsBinary);
        Assert.True(open.IsTradeable);
        Assert.Null(ParseOnly(FixtureData.MicroStrategy).Markets[2].EndDate);
    }

    [Fact]
    public void Parse_NegRiskEvent_MapsNegRiskFieldsOnEventAndLegs()
    {
        var e = ParseOnly(FixtureData.NegRiskEvent);

        Assert.Equal(EventId.Create("30829"), e.Id);
        Assert.True(e.NegRisk);
        Assert.Equal(43042905.16152m, e.Liquidity);
        Assert.Equal(Utc(2028, 11, 7), e.EndDate);
        Assert.Equal(["101206", "1597", "144", "2", "1101", "102458", "264"], e.Tags.Select(t => t.Id));
        Assert.Equal(2, e.Markets.Count);
        var leg = e.Markets[0];
        Assert.True(leg.NegRisk);
        Assert.Equal("0x2c3d7e0eee6f058be3006baabf0d54a07da254ba47fe6e3e095e7990c7814700", leg.NegRiskMarketId);
        Assert.Equal("Stephen A. Smith", leg.GroupItemTitle);
        Assert.Equal(0.0105m, leg.Yes!.Price);
        Assert.Equal(0.9895m, leg.No!.Price);
        Assert.Equal(0.01m, leg.BestBid);
        Assert.Equal(0.011m, leg.BestAsk);
        Assert.Equal(400500.66675m, leg.Liquidity);
        Assert.Equal(12232699.615479222m, leg.Volume);
        Assert.Equal("60590045489347122735554346200880179420435533609307820342798544098823516727807", leg.Yes.TokenId!.Value.Value);
        Assert.False(leg.Fees.Enabled);
        Assert.Null(leg.Fees.Type);
    }

    [Fact]
    public void Parse_Resolved2021Page_MapsLegacyEventsAndTinyPrices()
    {
        var events = FixtureData.EventObjects(FixtureData.Resolved2021).Select(o => new GammaEventParser().Parse(o.ToElement()).Value!).ToArray();

        Assert.Equal(Enumerable.Range(2890, 10).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), events.Select(e => e.Id.Value));
        Assert.All(events, e => Assert.True(e.Closed));
        Assert.All(events, e => Assert.Single(e.Markets));
        var first = events[0].Markets[0];
        Assert.Equal(0m, events[0].Liquidity);
        Assert.Equal(1335.05m, events[0].Volume);
        Assert.Equal(1335.05m, first.Volume);
        Assert.Equal(50m, first.Liquidity);
        Assert.InRange(first.Yes!.Price!.Value, 0.0000004m, 0.0000005m);
        Assert.InRange(first.No!.Price!.Value, 0.9999995m, 0.9999996m);
        Assert.Equal(Utc(2021, 12, 5, 20, 37, 1), first.ClosedTime);
        Assert.False(first.AcceptingOrders);
        Assert.False(first.EnableOrderBook);
        Assert.Equal("28182404005967940652495463228537840901055649726248190462854914416579180110833", first.Yes.TokenId!.Value.Value);
    }

    [Fact]
    public void Parse_PublicSearchEvent_MapsNestedEventAndMarket()
    {
        var search = (JsonObject)Fixtures.Json("gamma/public_search_response.json");
        var e = new GammaEventParser().Parse(search["events"]![0]!.ToElement()).Value!;

        Assert.Equal(EventId.Create("246060"), e.Id);
        Assert.Equal("Bitcoin above ___ on March 11?", e.Title);
        Assert.Equal(Utc(2026, 3, 11, 16), e.EndDate);
        Assert.Equal(7, e.Tags.Count);
        var market = Assert.Single(e.Markets);
        Assert.Equal(MarketId.Create("1500056"), market.Id);
        Assert.Equal("114864044085275704824767724161446505770691378478296635109394628126577576954599", market.No!.TokenId!.Value.Value);
        Assert.Equal(0.9995m, market.Yes!.Price);
        Assert.Equal(146456.1784m, market.Liquidity);
    }

    [Fact]
    public void Parse_TagsPage_MapsEveryTag()
    {
        var eventObject = new JsonObject { ["id"] = "1", ["tags"] = Fixtures.Json("gamma/tags_page_2026-02.json") };

        var tags = new GammaEventParser().Parse(eventObject.ToElement()).Value!.Tags;

        Assert.Equal(100, tags.Count);
        Assert.Equal(new Tag("671", "jto", "jto"), tags[0]);
        Assert.Equal(new Tag("100746", "ohtani", "Ohtani"), tags[99]);
    }

    [Fact]
    public void Parse_EventWithoutId_ReturnsFailure()
    {
        var eventObject = FixtureData.EventObjects(FixtureData.MicroStrategy)[0];
        eventObject.Remove("id");

        var result = new GammaEventParser().Parse(eventObject.ToElement());

        Assert.False(result.IsSuccess);
        Assert.Equal("event without an id", result.Error);
    }

    [Fact]
    public void Parse_MarketsMissingIdConditionOrQuestion_SkipsThemWithWarnings()
    {
        var eventObject = FixtureData.EventObjects(FixtureData.MicroStrategy)[0];
        var markets = eventObject["markets"]!.AsArray();
        markets[0]!.AsObject().Remove("id");
        markets[1]!["conditionId"] = null;
        markets[2]!["question"] = "  ";
        markets.Add(42);
        var logs = new LogCapture();
        using var factory = new Microsoft.Extensions.Logging.LoggerFactory([logs]);

        var result = new GammaEventParser(new Microsoft.Extensions.Logging.Logger<GammaEventParser>(factory)).Parse(eventObject.ToElement());

        Assert.Equal(["692258"], result.Value!.Markets.Select(m => m.Id.Value));
        Assert.Equal(4, logs.WithEventId(1101).Count);
        Assert.Contains(logs.WithEventId(1101), l => l.Message.Contains("market 824952 has no conditionId", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_EventInsideDisposedPage_KeepsStandaloneRaw()
    {
        var text = Fixtures.Text(FixtureData.MicroStrategy);
        MarketEvent parsed;
        string expected;
        using (var page = JsonDocument.Parse(text))
        {
            parsed = new GammaEventParser().Parse(page.RootElement[0]).Value!;
            expected = page.RootElement[0].GetRawText();
        }

        Assert.Equal(JsonValueKind.Object, parsed.Raw.ValueKind);
        Assert.Equal(expected, parsed.Raw.GetRawText());
        Assert.Equal(parsed.Id.Value, parsed.Raw.GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"id\"")]
    [InlineData("null")]
    public void Parse_NotAnObject_ReturnsFailure(string json)
    {
        using var document = JsonDocument.Parse(json);

        Assert.Equal("the event is not a JSON object", new GammaEventParser().Parse(document.RootElement).Error);
    }
}
