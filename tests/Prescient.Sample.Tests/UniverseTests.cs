using System.Text.Json;
using Prescient.Domain.Ids;
using Prescient.Domain.Markets;
using Prescient.Engine.Filters;
using Prescient.Sample.Universe;
using Prescient.Testing;

namespace Prescient.Sample.Tests;

public sealed class UniverseTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(300)]
    public void EventsAt_AfterGenesis_HasExactlyTheConfiguredNumberOpen(int events)
    {
        var universe = new SampleUniverse(new() { Events = events });

        foreach (var hours in new[] { 0, 5, 24 * 40, 24 * 400 })
        {
            var open = universe.EventsAt(At.AddHours(hours));
            Assert.Equal(events, open.Count);
            Assert.All(open, e => Assert.False(e.Closed));
            Assert.All(open, e => Assert.True(e.StartDate <= At.AddHours(hours) && e.EndDate > At.AddHours(hours)));
        }
    }

    [Fact]
    public void EventsAt_SameOptionsAndTime_IdenticalAndOtherSeedDiffers()
    {
        var a = JsonSerializer.Serialize(new SampleUniverse(new()).EventsAt(At));
        var b = JsonSerializer.Serialize(new SampleUniverse(new()).EventsAt(At));
        var c = JsonSerializer.Serialize(new SampleUniverse(new() { Seed = 43 }).EventsAt(At));

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void EventsAt_Ids_StableAcrossTimeAndWellFormed()
    {
        var universe = new SampleUniverse(new());
        var now = universe.EventsAt(At);
        var later = universe.EventsAt(At.AddHours(3)).ToDictionary(e => e.EventId);

        var markets = now.SelectMany(e => e.Markets).ToList();
        Assert.All(markets, m =>
        {
            Assert.Matches("^[1-9][0-9]{76}$", m.YesTokenId);
            Assert.Matches("^[1-9][0-9]{76}$", m.NoTokenId);
            Assert.Matches("^0x[0-9a-f]{64}$", m.ConditionId);
            Assert.Matches("^[0-9]+$", m.MarketId);
        });
        Assert.Equal(markets.Count * 2, markets.SelectMany(m => new[] { m.YesTokenId, m.NoTokenId }).Distinct().Count());
        Assert.Equal(markets.Count, markets.Select(m => m.ConditionId).Distinct().Count());
        var kept = now.Where(e => later.ContainsKey(e.EventId)).ToList();
        Assert.True(kept.Count > 250);
        Assert.All(kept, e => Assert.Equal(e.Markets.Select(m => m.YesTokenId), later[e.EventId].Markets.Select(m => m.YesTokenId)));
    }

    [Fact]
    public void EventsAt_DefaultFilters_EveryRuleKeepsOrDropsSomeEvents()
    {
        var filter = new TradingFilter(new TradingFilterOptions());

        var reasons = new SampleUniverse(new()).EventsAt(At).Select(e => filter.Evaluate(ToDomain(e), At)).ToList();

        foreach (var reason in new[] { FilterReason.Kept, FilterReason.NotActive, FilterReason.Archived, FilterReason.OrderBookDisabled, FilterReason.LowLiquidity, FilterReason.LowVolume, FilterReason.EndsTooSoon, FilterReason.EndsTooLate, FilterReason.NoMarketAcceptingOrders })
        {
            Assert.Contains(reason, reasons);
        }

        Assert.True(reasons.Count(r => r == FilterReason.Kept) > 100);
    }

    [Fact]
    public void Constructor_InvalidOptions_ThrowsOneLineReason()
    {
        var events = Assert.Throws<ArgumentException>(() => new SampleUniverse(new() { Events = 0 }));
        var genesis = Assert.Throws<ArgumentException>(() => new SampleUniverse(new() { Genesis = At }));

        Assert.StartsWith("Sample events must be between 1 and 1,000,000", events.Message, StringComparison.Ordinal);
        Assert.StartsWith("Sample genesis must be a UTC midnight", genesis.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SampleIds_TokenAndConditionIds_DecodeToTheirMarket()
    {
        var ids = new SampleIds(42);

        foreach (var marketId in new long[] { 1000010, 1000011, 3000000000037, 99_999_999_999 })
        {
            Assert.True(ids.TryParseTokenId(ids.TokenId(marketId, 1), out var fromToken, out var outcome));
            Assert.True(ids.TryParseConditionId(ids.ConditionId(marketId), out var fromCondition));
            Assert.Equal((marketId, 1), (fromToken, outcome));
            Assert.Equal(marketId, fromCondition);
        }

        Assert.False(ids.TryParseTokenId(new SampleIds(43).TokenId(1000010, 0), out _, out _));
        Assert.False(ids.TryParseConditionId("0x" + new string('a', 64), out _));
    }

    private static MarketEvent ToDomain(SampleEventInfo e) => new()
    {
        Id = EventId.Create(e.EventId),
        Title = e.Title,
        Active = e.Active,
        Closed = e.Closed,
        Archived = e.Archived,
        EnableOrderBook = e.EnableOrderBook,
        Liquidity = e.Liquidity,
        Volume = e.Volume,
        EndDate = e.EndDate,
        Tags = [.. e.TagSlugs.Select(s => new Tag(s, s, s))],
        Markets = [.. e.Markets.Select(m => new Market
        {
            Id = MarketId.Create(m.MarketId),
            EventId = EventId.Create(e.EventId),
            ConditionId = ConditionId.Create(m.ConditionId),
            Question = m.Question,
            Closed = m.Closed,
            AcceptingOrders = m.AcceptingOrders,
            EnableOrderBook = m.EnableOrderBook,
        })],
        Raw = new System.Text.Json.Nodes.JsonObject().ToElement(),
    };
}
