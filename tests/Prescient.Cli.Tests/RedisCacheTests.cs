using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Prescient.Bus.Redis;
using Prescient.Domain.Ids;
using Prescient.Domain.Markets;
using Prescient.Engine.Markets;
using Prescient.Storage.Files.Json;
using Prescient.Testing.Redis;
using StackExchange.Redis;

namespace Prescient.Cli.Tests;

/// <summary>The shared caches of the scale-out setup against the real Redis of <c>scripts/services</c>: exact round trips, and nothing kept past its age.</summary>
public sealed class RedisCacheTests : IAsyncLifetime
{
    private RedisDatabase _redisDb = null!;

    private ConnectionMultiplexer Multiplexer => _redisDb.Connection;

    public async Task InitializeAsync() => _redisDb = await RedisDatabase.CreateAsync();

    public async Task DisposeAsync() => await _redisDb.DisposeAsync();

    [Fact]
    public async Task TheBookCache_GivesBackEveryFieldExactly_AndRedisExpiresItWithinMaxBookAge()
    {
        var cache = new RedisBookCache(Multiplexer, TimeSpan.FromMinutes(5));
        var token = Domain.Ids.TokenId.Create("71321045679252212594626385532706912750332728571942532289631379312455583992563");
        var book = Domain.Books.OrderBook.Create(token, Domain.Ids.ConditionId.Create("0xabc"), [new(0.48m, 120.5m), new(0.47m, 30m)], [new(0.520m, 99.99m)]) with
        {
            TickSize = 0.01m,
            MinOrderSize = 5m,
            Timestamp = new DateTimeOffset(2026, 12, 3, 9, 0, 0, 123, TimeSpan.Zero),
            LastTradePrice = 0.5m,
            NegRisk = false,
            Hash = "h1",
        };

        await cache.StoreAsync(new Dictionary<Domain.Ids.TokenId, Domain.Books.OrderBook> { [token] = book }, CancellationToken.None);
        var got = await cache.GetAsync([token, Domain.Ids.TokenId.Create("absent")], CancellationToken.None);

        var cached = Assert.Single(got).Value;
        Assert.Equal(book.Bids, cached.Bids);
        Assert.Equal(book.Asks, cached.Asks);
        Assert.Equal(book with { }, cached with { }, new BookFields());
        var ttl = await Multiplexer.GetDatabase().KeyTimeToLiveAsync("prescient:book:" + token.Value);
        Assert.NotNull(ttl);
        Assert.True(ttl <= TimeSpan.FromMinutes(5), $"expires in {ttl}");
    }

    [Fact]
    public async Task TheLookupCache_GivesBackTheMarketAndResolutionExactly_OnlyWhileFreshByTheRunsClock()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));
        var cache = new RedisLookupCache(Multiplexer, clock, TimeSpan.FromMinutes(5));
        var yes = TokenId.Create("71321045679252212594626385532706912750332728571942532289631379312455583992563");
        var no = TokenId.Create("52114319501245915516055106046884209969926127482827954674443846427813813222426");
        var market = new Market
        {
            Id = MarketId.Create("253591"),
            EventId = EventId.Create("16167"),
            ConditionId = ConditionId.Create("0xdd22472e552920b8438158ea7238bfadfa4f736aa4cee91a6b86c39ead110917"),
            Question = "Will it resolve?",
            Outcomes = [new Outcome("Yes", yes, 0.9995m), new Outcome("No", no, 0.0005000m)],
            BestBid = 0.999m,
            Volume = 1234567.891m,
            Closed = true,
            EndDate = new DateTimeOffset(2026, 12, 2, 12, 0, 0, TimeSpan.Zero),
        };
        var lookup = new MarketLookup(market, new ClobMarketView(market.ConditionId, true, false, [yes], false));

        await cache.StoreAsync(market.Id, lookup, CancellationToken.None);
        var got = await cache.GetAsync(market.Id, CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromTicks(1));
        var stale = await cache.GetAsync(market.Id, CancellationToken.None);
        var absent = await cache.GetAsync(MarketId.Create("1"), CancellationToken.None);

        Assert.NotNull(got);
        Assert.Equal(market.Outcomes, got.Market.Outcomes);
        Assert.Equal("0.0005000", got.Market.Outcomes[1].Price!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(market with { Outcomes = [] }, got.Market with { Outcomes = [] });
        Assert.Equal(lookup.Clob!.Winners, got.Clob!.Winners);
        Assert.Equal(lookup.Clob with { Winners = [] }, got.Clob with { Winners = [] });
        Assert.Null(stale);
        Assert.Null(absent);
        var ttl = await Multiplexer.GetDatabase().KeyTimeToLiveAsync("prescient:lookup:253591");
        Assert.True(ttl is { } t && t <= TimeSpan.FromMinutes(5), $"expires in {ttl}");
    }

    /// <summary>Every field of a book, levels included (records compare their lists by reference).</summary>
    private sealed class BookFields : IEqualityComparer<Domain.Books.OrderBook>
    {
        public bool Equals(Domain.Books.OrderBook? x, Domain.Books.OrderBook? y) =>
            x is not null && y is not null && x.TokenId == y.TokenId && x.ConditionId == y.ConditionId
            && x.Bids.SequenceEqual(y.Bids) && x.Asks.SequenceEqual(y.Asks) && x.TickSize == y.TickSize
            && x.MinOrderSize == y.MinOrderSize && x.Timestamp == y.Timestamp && x.LastTradePrice == y.LastTradePrice
            && x.NegRisk == y.NegRisk && x.Hash == y.Hash;

        public int GetHashCode(Domain.Books.OrderBook obj) => obj.TokenId.GetHashCode();
    }
}
