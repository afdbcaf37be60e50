using System.Net;

namespace Prescient.Sample.Tests;

public sealed class PricesHistoryTests
{
    [Fact]
    public async Task PricesHistory_ResolvedMarket_EmptyBelow720MinutesAndEndsAtPayoutAbove()
    {
        await using var harness = await SampleHarness.StartAsync();
        var (eventId, market) = harness.Server.Universe.EventsAt(harness.Now)
            .SelectMany(e => e.Markets.Where(m => !m.Closed).Select(m => (e.EventId, Market: m)))
            .MinBy(x => x.Market.EndDate);
        harness.Server.Clock.AdvanceBy(market.EndDate - harness.Now + TimeSpan.FromDays(1));
        var payout = harness.Server.Universe.FindEvent(eventId, harness.Now)!.Markets.Single(m => m.MarketId == market.MarketId).YesPayout!.Value;

        var fine = (await harness.GetJsonAsync($"prices-history?market={market.YesTokenId}&interval=max&fidelity=60"))["history"]!.AsArray();
        var coarse = (await harness.GetJsonAsync($"prices-history?market={market.NoTokenId}&interval=max&fidelity=720"))["history"]!.AsArray();

        Assert.Empty(fine);
        Assert.NotEmpty(coarse);
        Assert.Equal(1 - payout, coarse[^1]!["p"]!.GetValue<decimal>());
        Assert.Equal(market.EndDate.ToUnixTimeSeconds(), coarse[^1]!["t"]!.GetValue<long>());
    }

    [Fact]
    public async Task PricesHistory_NoToken_MirrorsYesToken()
    {
        await using var harness = await SampleHarness.StartAsync();
        var market = harness.Server.Universe.EventsAt(harness.Now).SelectMany(e => e.Markets).First(m => !m.Closed);

        var yes = (await harness.GetJsonAsync($"prices-history?market={market.YesTokenId}&interval=6h&fidelity=30"))["history"]!.AsArray();
        var no = (await harness.GetJsonAsync($"prices-history?market={market.NoTokenId}&interval=6h&fidelity=30"))["history"]!.AsArray();

        Assert.Equal(yes.Count, no.Count);
        Assert.All(yes.Zip(no), pair => Assert.Equal(1m, pair.First!["p"]!.GetValue<decimal>() + pair.Second!["p"]!.GetValue<decimal>()));
    }

    [Fact]
    public async Task PricesHistory_FifteenDayRangeAtOneMinute_OnePointEveryMinuteBothEndsIncluded()
    {
        await using var harness = await SampleHarness.StartAsync(start: SampleHarness.Start.AddDays(40));
        var market = harness.Server.Universe.EventsAt(harness.Now).SelectMany(e => e.Markets)
            .First(m => !m.Closed && harness.Server.Universe.EventsAt(SampleHarness.Start).SelectMany(e => e.Markets).Any(o => o.MarketId == m.MarketId));
        var from = SampleHarness.Start.AddDays(1).ToUnixTimeSeconds() / 60 * 60;
        var to = from + (15 * 86_400);

        var history = (await harness.GetJsonAsync($"prices-history?market={market.YesTokenId}&startTs={from}&endTs={to}&fidelity=1"))["history"]!.AsArray();

        Assert.Equal((15 * 1440) + 1, history.Count);
        Assert.Equal(from, history[0]!["t"]!.GetValue<long>());
        Assert.Equal(to, history[^1]!["t"]!.GetValue<long>());
    }

    [Theory]
    [InlineData("prices-history?interval=1d")]
    [InlineData("prices-history?market=abc&interval=1d")]
    [InlineData("prices-history?market=123&interval=1d&startTs=1")]
    [InlineData("prices-history?market=123&interval=2d")]
    public async Task PricesHistory_InvalidQuery_Returns400WithClobError(string path)
    {
        await using var harness = await SampleHarness.StartAsync();

        using var response = await harness.Http.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"error\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
