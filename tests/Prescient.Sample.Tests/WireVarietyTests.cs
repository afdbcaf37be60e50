using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Prescient.Sample.Universe;

namespace Prescient.Sample.Tests;

/// <summary>The default universe, read over HTTP, holds every shape and quirk consumers must handle.</summary>
public sealed class WireVarietyTests : IAsyncLifetime
{
    private SampleHarness _harness = null!;
    private List<JsonObject> _events = [];

    public async Task InitializeAsync()
    {
        _harness = await SampleHarness.StartAsync();
        _events = await Paging.WalkAsync(_harness, "events/keyset", "limit=500&closed=false", "events");
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private IEnumerable<JsonObject> Markets => _events.SelectMany(e => e["markets"]!.AsArray().Select(m => m!.AsObject()));

    private IEnumerable<JsonObject> OpenMarkets => Markets.Where(m => !m["closed"]!.GetValue<bool>());

    [Fact]
    public void Events_All_LabelledSimulatedInRawObject()
    {
        Assert.All(_events, e =>
        {
            Assert.StartsWith("[SIMULATED] ", e["description"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Equal(SampleUniverse.ResolutionSource, e["resolutionSource"]!.GetValue<string>());
        });
        Assert.All(Markets, m => Assert.StartsWith("[SIMULATED] ", m["description"]!.GetValue<string>(), StringComparison.Ordinal));
    }

    [Fact]
    public void Markets_FieldTypes_AsPolymarketSendsThem()
    {
        Assert.All(Markets, m =>
        {
            Assert.Equal(2, Paging.EncodedArray(m["outcomes"]).Length);
            Assert.Equal(2, Paging.EncodedArray(m["outcomePrices"]).Length);
            var tokens = Paging.EncodedArray(m["clobTokenIds"]);
            Assert.All(tokens, t => Assert.Matches("^[1-9][0-9]{76}$", t));
            Assert.Matches("^0x[0-9a-f]{64}$", m["conditionId"]!.GetValue<string>());
            Assert.Matches("^[0-9]+$", m["id"]!.GetValue<string>());
            Assert.Equal(JsonValueKind.String, m["volume"]!.GetValueKind());
            Assert.Equal(JsonValueKind.Number, m["volumeNum"]!.GetValueKind());
            if (m["liquidity"] is { } liquidity)
            {
                Assert.Equal(JsonValueKind.String, liquidity.GetValueKind());
                Assert.Equal(Paging.Dec(liquidity), m["liquidityNum"]!.GetValue<decimal>());
            }
        });
    }

    [Fact]
    public void Markets_DisplayedYesPrice_IsMidOfBestBidAndAsk()
    {
        var quoted = OpenMarkets.Where(m => m["bestBid"] is not null && m["bestAsk"] is not null).ToList();

        Assert.True(quoted.Count > 200);
        Assert.All(quoted, m => Assert.Equal(
            (m["bestBid"]!.GetValue<decimal>() + m["bestAsk"]!.GetValue<decimal>()) / 2,
            decimal.Parse(Paging.EncodedArray(m["outcomePrices"])[0], System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Events_NegRiskGroups_ShareGroupIdAndYesPricesSumToAboutOne()
    {
        var groups = _events.Where(e => e["negRisk"]!.GetValue<bool>()).ToList();

        Assert.NotEmpty(groups);
        Assert.All(groups, e =>
        {
            var legs = e["markets"]!.AsArray().Select(m => m!.AsObject()).ToList();
            Assert.InRange(legs.Count, 3, 8);
            Assert.True(e["enableNegRisk"]!.GetValue<bool>());
            var group = e["negRiskMarketID"]!.GetValue<string>();
            Assert.All(legs, m => Assert.Equal(group, m["negRiskMarketID"]!.GetValue<string>()));
            var sum = legs.Sum(m => decimal.Parse(Paging.EncodedArray(m["outcomePrices"])[0], System.Globalization.CultureInfo.InvariantCulture));
            Assert.InRange(sum, 0.85m, 1.15m);
        });
    }

    [Fact]
    public void Markets_SportsFees_CarryTheRecordedFeeSchedule()
    {
        var sports = Markets.Where(m => m["feeType"]?.GetValue<string>() == "sports_fees_v2").ToList();

        Assert.NotEmpty(sports);
        Assert.All(sports, m =>
        {
            Assert.True(m["feesEnabled"]!.GetValue<bool>());
            var schedule = m["feeSchedule"]!.AsObject();
            Assert.Equal(["exponent", "rate", "rebateRate", "takerOnly"], schedule.Select(p => p.Key).Order());
            Assert.Equal(2, Paging.EncodedArray(m["outcomes"]).Distinct().Count());
        });
    }

    [Fact]
    public void Titles_Hostile_StartWithFormulaCharactersOrHoldQuotesNewlinesEmoji()
    {
        var titles = _events.Select(e => e["title"]!.GetValue<string>()).ToList();

        foreach (var start in new[] { "=", "+", "-", "@", "\t", "\r" })
        {
            Assert.Contains(titles, t => t.StartsWith(start, StringComparison.Ordinal));
        }

        Assert.Contains(titles, t => t.Contains('\n', StringComparison.Ordinal));
        Assert.Contains(titles, t => t.Contains('"', StringComparison.Ordinal) && t.Contains(',', StringComparison.Ordinal));
        Assert.Contains(titles, t => t.Contains("🚀", StringComparison.Ordinal));
    }

    [Fact]
    public void Markets_MissingKeys_OnSomeOpenMarkets()
    {
        var open = OpenMarkets.ToList();

        Assert.Contains(open, m => !m.ContainsKey("bestBid"));
        Assert.Contains(open, m => !m.ContainsKey("liquidity") && !m.ContainsKey("liquidityNum"));
        Assert.Contains(open, m => !m.ContainsKey("orderPriceMinTickSize"));
        Assert.Contains(open, m => m["orderPriceMinTickSize"]?.GetValue<decimal>() == 0.01m);
        Assert.Contains(open, m => m["orderPriceMinTickSize"]?.GetValue<decimal>() == 0.001m);
        Assert.Contains(open, m => m["orderMinSize"]!.GetValue<decimal>() == 15m);
        Assert.Contains(open, m => m["orderMinSize"]!.GetValue<decimal>() == 5m);
    }

    [Fact]
    public void Events_MoneyAndDates_InEveryRealFormat()
    {
        Assert.Contains(_events, e => e["liquidity"]!.GetValueKind() == JsonValueKind.String && e["volume"]!.GetValueKind() == JsonValueKind.String);
        Assert.Contains(_events, e => e["liquidity"]!.GetValueKind() == JsonValueKind.Number);
        var ends = _events.Select(e => e["endDate"]!.GetValue<string>()).ToList();
        foreach (var pattern in new[] { @"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", @"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$", @"^\d{4}-\d\d-\d\d$", @"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\+00$" })
        {
            Assert.Contains(ends, d => Regex.IsMatch(d, pattern));
        }
    }

    [Fact]
    public void Events_EndDateLiquidityVolume_ParseBackToGroundTruthExactly()
    {
        var truth = _harness.Server.Universe.EventsAt(_harness.Now).ToDictionary(e => e.EventId);
        string[] formats = ["yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", "yyyy-MM-dd", "yyyy-MM-dd HH:mm:ss'+00'"];

        Assert.All(_events, e =>
        {
            var expected = truth[Paging.Id(e)];
            var end = DateTimeOffset.ParseExact(e["endDate"]!.GetValue<string>(), formats, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal);
            Assert.Equal(expected.EndDate, end);
            Assert.Equal(expected.Liquidity, Paging.Dec(e["liquidity"]));
            Assert.Equal(expected.Volume, Paging.Dec(e["volume"]));
            Assert.Equal(expected.Title, e["title"]!.GetValue<string>());
            Assert.Equal(expected.TagSlugs, e["tags"]!.AsArray().Select(t => t!["slug"]!.GetValue<string>()));
        });
    }

    [Fact]
    public void Events_OpenEventWithResolvedMarket_LikeTheRecordedLadder()
    {
        var mixed = _events.Where(e => e["markets"]!.AsArray().Any(m => m!["closed"]!.GetValue<bool>())).ToList();

        Assert.NotEmpty(mixed);
        Assert.All(mixed.SelectMany(e => e["markets"]!.AsArray()).Where(m => m!["closed"]!.GetValue<bool>()), m =>
        {
            Assert.Equal("resolved", m!["umaResolutionStatus"]!.GetValue<string>());
            Assert.Contains(string.Join(',', Paging.EncodedArray(m["outcomePrices"])), new[] { "1,0", "0,1", "0.5,0.5" });
            Assert.False(m["acceptingOrders"]!.GetValue<bool>());
        });
    }

    [Fact]
    public void Events_Tags_AreRecordedTagObjects()
    {
        var tags = _events.SelectMany(e => e["tags"]!.AsArray()).Select(t => t!.AsObject()).ToList();

        Assert.All(tags, t =>
        {
            Assert.Matches("^[0-9]+$", t["id"]!.GetValue<string>());
            Assert.NotNull(t["label"]);
            Assert.NotNull(t["updatedAt"]);
        });
        Assert.True(tags.Select(t => t["slug"]!.GetValue<string>()).Distinct().Count() > 20);
    }
}
