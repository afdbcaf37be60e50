using Microsoft.Extensions.Logging;
using Prescient.Domain.Ids;
using EventId = Prescient.Domain.Ids.EventId;
using Prescient.Polymarket.Tests.Server;
using Prescient.Sample.Server;
using Prescient.Sample.Universe;

namespace Prescient.Polymarket.Tests;

/// <summary>
/// <c>LookupMarketAsync</c> over real HTTP against the sample server, checked against the universe's
/// ground truth (which is a pure function of time, so a market's resolution is known before the
/// clock gets there).
/// </summary>
public sealed class LookupMarketTests
{
    [Fact]
    public async Task LookupMarketAsync_OpenMarket_IsOpenOnGammaWithoutAskingTheClob()
    {
        await using var host = await SampleSourceHost.StartAsync();
        var (eventId, truth) = OpenMarkets(host.Server).First(m => m.Market.HasBook);

        var before = host.Server.Stats.TotalRequests;

        var lookup = await host.Source.LookupMarketAsync(MarketId.Create(truth.MarketId), EventId.Create(eventId), ConditionId.Create(truth.ConditionId), CancellationToken.None);

        Assert.Equal(1, host.Server.Stats.TotalRequests - before);
        Assert.NotNull(lookup);
        Assert.Equal(truth.MarketId, lookup.Market.Id.Value);
        Assert.Equal(truth.ConditionId, lookup.Market.ConditionId.Value);
        Assert.False(lookup.Market.Closed);
        Assert.True(lookup.Market.AcceptingOrders);
        Assert.Equal(truth.DisplayPrice, lookup.Market.Outcomes[0].Price);
        Assert.Equal(TokenId.Create(truth.YesTokenId), lookup.Market.Outcomes[0].TokenId);
        Assert.Null(lookup.Clob);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("0")]
    [InlineData("0.5")]
    public async Task LookupMarketAsync_AfterTheMarketResolves_GammaPaysOutAndTheClobWinnerAgrees(string payoutText)
    {
        var payout = decimal.Parse(payoutText, System.Globalization.CultureInfo.InvariantCulture);
        await using var host = await SampleSourceHost.StartAsync();
        var (eventId, open) = OpenMarkets(host.Server)
            .Where(m => Resolved(host.Server, m.EventId, m.Market).YesPayout == payout)
            .MinBy(m => m.Market.EndDate);
        Assert.NotNull(open);
        var id = MarketId.Create(open.MarketId);
        var condition = ConditionId.Create(open.ConditionId);

        var before = await host.Source.LookupMarketAsync(id, EventId.Create(eventId), condition, CancellationToken.None);
        host.Server.Clock.AdvanceBy(open.EndDate - host.Server.Clock.Now + TimeSpan.FromMinutes(1));
        var after = await host.Source.LookupMarketAsync(id, EventId.Create(eventId), condition, CancellationToken.None);

        Assert.False(before!.Market.Closed);
        var truth = host.Server.Universe.FindEvent(eventId, host.Server.Clock.Now)!.Markets.Single(m => m.MarketId == open.MarketId);
        Assert.True(truth.Closed);
        Assert.NotNull(after);
        Assert.True(after.Market.Closed);
        Assert.False(after.Market.AcceptingOrders);
        Assert.Equal([payout, 1 - payout], after.Market.Outcomes.Select(o => o.Price));
        Assert.NotNull(after.Clob);
        Assert.True(after.Clob.Closed);
        Assert.Equal(payout == 0.5m, after.Clob.Is5050);
        TokenId[] winners = payout switch
        {
            1m => [TokenId.Create(open.YesTokenId)],
            0m => [TokenId.Create(open.NoTokenId)],
            _ => [],
        };
        Assert.Equal(winners, after.Clob.Winners);
    }

    [Fact]
    public async Task LookupMarketAsync_UnknownMarket_IsNullWithoutAskingTheClob()
    {
        await using var host = await SampleSourceHost.StartAsync();

        var lookup = await host.Source.LookupMarketAsync(MarketId.Create("999999999999"), EventId.Create("1"), ConditionId.Create("0x" + new string('0', 64)), CancellationToken.None);

        Assert.Null(lookup);
        Assert.Equal(1, host.Server.Stats.Requests(SampleRoutes.MarketById));
        Assert.Equal(0, host.Server.Stats.Requests(SampleRoutes.ClobMarket));
    }

    [Fact]
    public async Task LookupMarketAsync_ClobDoesNotKnowTheCondition_GammaDataWithoutClob()
    {
        await using var host = await SampleSourceHost.StartAsync();
        var (eventId, truth) = FirstToClose(host.Server);

        var lookup = await host.Source.LookupMarketAsync(MarketId.Create(truth.MarketId), EventId.Create(eventId), ConditionId.Create("0x" + new string('f', 64)), CancellationToken.None);

        Assert.NotNull(lookup);
        Assert.Equal(truth.MarketId, lookup.Market.Id.Value);
        Assert.Null(lookup.Clob);
        Assert.Equal(1, host.Server.Stats.Requests(SampleRoutes.ClobMarket));
        Assert.Empty(host.Logs.WithEventId(1301));
    }

    [Fact]
    public async Task LookupMarketAsync_ClobAlwaysFailing_ReturnsGammaDataAndLogsAWarning()
    {
        await using var host = await SampleSourceHost.StartAsync(clobFaults: new FaultOptions { ServerErrorRate = 1 });
        var (eventId, truth) = FirstToClose(host.Server);

        var lookup = await host.Source.LookupMarketAsync(MarketId.Create(truth.MarketId), EventId.Create(eventId), ConditionId.Create(truth.ConditionId), CancellationToken.None);

        Assert.NotNull(lookup);
        Assert.Equal(truth.MarketId, lookup.Market.Id.Value);
        Assert.True(lookup.Market.Closed);
        Assert.Equal(truth.DisplayPrice, lookup.Market.Outcomes[0].Price);
        Assert.Null(lookup.Clob);
        var warning = Assert.Single(host.Logs.WithEventId(1301));
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Equal(truth.MarketId, warning.Values["MarketId"]);
        Assert.Contains("CLOB", (string)warning.Values["Reason"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LookupMarketAsync_ReplyWithoutParentEvents_UsesTheGivenEventId()
    {
        await using var host = await SampleSourceHost.StartAsync(scenarios: new ScenarioOptions { MarketsWithoutEvents = true });
        var (eventId, truth) = FirstToClose(host.Server);

        var lookup = await host.Source.LookupMarketAsync(MarketId.Create(truth.MarketId), EventId.Create(eventId), ConditionId.Create(truth.ConditionId), CancellationToken.None);

        Assert.NotNull(lookup);
        Assert.Equal(eventId, lookup.Market.EventId.Value);
        Assert.True(lookup.Market.Closed);
        Assert.NotNull(lookup.Clob);
    }

    private static IEnumerable<(string EventId, SampleMarketInfo Market)> OpenMarkets(SampleServer server) =>
        server.Universe.EventsAt(server.Clock.Now)
            .SelectMany(e => e.Markets.Where(m => m.AcceptingOrders).Select(m => (e.EventId, m)));

    /// <summary>Moves the clock a minute past the end of the open market that ends first; returns that market as it then is (closed).</summary>
    private static (string EventId, SampleMarketInfo Market) FirstToClose(SampleServer server)
    {
        var (eventId, market) = OpenMarkets(server).MinBy(m => m.Market.EndDate);
        server.Clock.AdvanceBy(market.EndDate - server.Clock.Now + TimeSpan.FromMinutes(1));
        return (eventId, server.Universe.FindEvent(eventId, server.Clock.Now)!.Markets.Single(m => m.MarketId == market.MarketId));
    }

    /// <summary>The market as it will be a minute after its end date.</summary>
    private static SampleMarketInfo Resolved(SampleServer server, string eventId, SampleMarketInfo market) =>
        server.Universe.FindEvent(eventId, market.EndDate + TimeSpan.FromMinutes(1))!.Markets.Single(m => m.MarketId == market.MarketId);
}
