using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Prescient.Sample.Tests;

public sealed class ClockTests
{
    [Fact]
    public async Task Advance_SixHours_MovesClockAndPrices()
    {
        await using var harness = await SampleHarness.StartAsync();
        var before = harness.Server.Universe.EventsAt(harness.Now).SelectMany(e => e.Markets).Where(m => !m.Closed).ToDictionary(m => m.MarketId, m => m.DisplayPrice);
        var page = await harness.GetJsonAsync("events/keyset?limit=500&closed=false");

        using var response = await harness.Http.PostAsJsonAsync(new Uri("sample/advance", UriKind.Relative), new { hours = 6 });
        var clock = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var after = await harness.GetJsonAsync("events/keyset?limit=500&closed=false");

        response.EnsureSuccessStatusCode();
        Assert.Equal(21600m, clock["offset_seconds"]!.GetValue<decimal>());
        Assert.Equal("2026-03-01T18:00:00.0000000Z", clock["now"]!.GetValue<string>());
        Assert.Equal(SampleHarness.Start.AddHours(6), harness.Now);
        var moved = after["events"]!.AsArray().SelectMany(e => e!["markets"]!.AsArray())
            .Where(m => before.ContainsKey(m!["id"]!.GetValue<string>()) && !m["closed"]!.GetValue<bool>())
            .Count(m => decimal.Parse(Paging.EncodedArray(m!["outcomePrices"])[0], System.Globalization.CultureInfo.InvariantCulture) != before[m["id"]!.GetValue<string>()]);
        Assert.True(moved > 100, $"only {moved} markets moved in 6 hours");
        Assert.NotEqual(page.ToJsonString(), after.ToJsonString());
    }

    [Fact]
    public async Task Clock_Get_ReportsNowAndZeroOffset()
    {
        await using var harness = await SampleHarness.StartAsync();

        var clock = await harness.GetJsonAsync("sample/clock");

        Assert.Equal("2026-03-01T12:00:00.0000000Z", clock["now"]!.GetValue<string>());
        Assert.Equal(0m, clock["offset_seconds"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task Advance_PastMarketEnd_ResolvesMarketOnGammaAndClob()
    {
        await using var harness = await SampleHarness.StartAsync();
        var events = harness.Server.Universe.EventsAt(harness.Now);
        var target = events.Where(e => e.Markets.Count == 1).OrderBy(e => e.EndDate).First();
        var market = target.Markets[0];

        harness.Server.Clock.AdvanceBy(market.EndDate - harness.Now + TimeSpan.FromMinutes(1));
        var gamma = (await harness.GetJsonAsync("markets/" + market.MarketId)).AsObject();
        var clob = (await harness.GetJsonAsync("markets/" + market.ConditionId)).AsObject();
        using var book = await harness.Http.GetAsync(new Uri("book?token_id=" + market.YesTokenId, UriKind.Relative));

        Assert.True(gamma["closed"]!.GetValue<bool>());
        Assert.False(gamma["acceptingOrders"]!.GetValue<bool>());
        Assert.Equal("resolved", gamma["umaResolutionStatus"]!.GetValue<string>());
        Assert.False(gamma.ContainsKey("bestBid"));
        Assert.False(gamma.ContainsKey("liquidity"));
        var prices = Paging.EncodedArray(gamma["outcomePrices"]);
        Assert.Contains(string.Join(',', prices), new[] { "1,0", "0,1", "0.5,0.5" });
        Assert.True(clob["closed"]!.GetValue<bool>());
        var tokens = clob["tokens"]!.AsArray();
        Assert.Equal(prices[0] == "1", tokens[0]!["winner"]!.GetValue<bool>());
        Assert.Equal(prices[1] == "1", tokens[1]!["winner"]!.GetValue<bool>());
        Assert.Equal(prices[0] == "0.5", clob["is_50_50_outcome"]!.GetValue<bool>());
        Assert.Equal(System.Net.HttpStatusCode.NotFound, book.StatusCode);
    }

    [Fact]
    public async Task Advance_PastEventEnd_DropsEventFromOpenPagesButKeepsItById()
    {
        await using var harness = await SampleHarness.StartAsync();
        var target = harness.Server.Universe.EventsAt(harness.Now).OrderBy(e => e.EndDate).First();

        harness.Server.Clock.AdvanceBy(target.EndDate - harness.Now);
        var open = await Paging.WalkAsync(harness, "events/keyset", "limit=500&closed=false", "events");
        var closed = await Paging.WalkAsync(harness, "events/keyset", "limit=500&closed=true&tag_slug=" + target.TagSlugs[0], "events");
        var byId = (await harness.GetJsonAsync("events/" + target.EventId)).AsObject();

        Assert.DoesNotContain(target.EventId, open.Select(Paging.Id));
        Assert.Equal(300, open.Count);
        Assert.Contains(target.EventId, closed.Select(Paging.Id));
        Assert.True(byId["closed"]!.GetValue<bool>());
        Assert.All(byId["markets"]!.AsArray(), m => Assert.True(m!["closed"]!.GetValue<bool>()));
        Assert.DoesNotContain(target.EventId, harness.Server.Universe.EventsAt(harness.Now).Select(e => e.EventId));
    }

    [Fact]
    public async Task PricesHistory_OneDayHourly_FollowsTheDisplayedPrice()
    {
        await using var harness = await SampleHarness.StartAsync();
        var market = harness.Server.Universe.EventsAt(harness.Now).SelectMany(e => e.Markets).First(m => !m.Closed && m.EndDate > harness.Now.AddDays(2) && m.DisplayPrice is > 0.2m and < 0.8m);

        var history = (await harness.GetJsonAsync($"prices-history?market={market.YesTokenId}&interval=1d&fidelity=60"))["history"]!.AsArray();

        Assert.InRange(history.Count, 24, 25);
        var times = history.Select(p => p!["t"]!.GetValue<long>()).ToList();
        Assert.All(times.Zip(times.Skip(1)), pair => Assert.Equal(3600, pair.Second - pair.First));
        Assert.Equal(harness.Now.ToUnixTimeSeconds(), times[^1]);
        Assert.Equal(market.DisplayPrice, history[^1]!["p"]!.GetValue<decimal>());
        Assert.True(history.Select(p => p!["p"]!.GetValue<decimal>()).Distinct().Count() > 1);
    }

    [Fact]
    public async Task Advance_InvalidBody_Returns400AndLeavesClock()
    {
        await using var harness = await SampleHarness.StartAsync();

        using var response = await harness.Http.PostAsJsonAsync(new Uri("sample/advance", UriKind.Relative), new { hours = -1 });

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(TimeSpan.Zero, harness.Server.Clock.Offset);
    }
}
