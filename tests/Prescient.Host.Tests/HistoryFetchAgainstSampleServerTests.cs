using Microsoft.Extensions.DependencyInjection;
using Prescient.Domain.Ids;
using Prescient.Engine.MarketHistory;
using Prescient.Sample.Server;
using Prescient.Storage.Files;
using Prescient.Storage.Files.MarketHistory;

namespace Prescient.Host.Tests;

/// <summary><c>history fetch</c> wired as the CLI wires it, over real HTTP to the sample server, requests counted by the server.</summary>
public sealed class HistoryFetchAgainstSampleServerTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task FetchAsync_TwiceThenAfterDamage_AsksOnlyForTheCurrentMonthAndTheDamagedOne()
    {
        await using var world = await SampleWorld.StartAsync(new SampleServerOptions { Events = 20, Seed = 7 }, Now);
        var tokens = OldestMarket(world).Take(1).SelectMany(m => new[] { TokenId.Create(m.YesTokenId), TokenId.Create(m.NoTokenId) }).ToArray();
        var service = world.Services.GetRequiredService<HistoryFetchService>();
        var request = new HistoryFetchRequest(new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 31)) { Tokens = tokens };

        var first = await service.FetchAsync(request, null, null, CancellationToken.None);
        var afterFirst = Requests(world);
        var second = await service.FetchAsync(request, null, null, CancellationToken.None);
        var afterSecond = Requests(world);
        var folder = world.Services.GetRequiredService<DataFolder>();
        var january = folder.PriceHistoryFile(tokens[0], new HistoryMonth(2026, 1));
        await File.WriteAllBytesAsync(january, (await File.ReadAllBytesAsync(january))[..^3]);
        var third = await service.FetchAsync(request, null, null, CancellationToken.None);

        // January takes 3 requests of 15 days, February 2, March (to the 10th) 1.
        Assert.Equal(2 * 6, afterFirst);
        Assert.Equal(first.Requests, afterFirst);
        Assert.Equal((2, 4), (second.MonthsFetched, second.MonthsReused));
        Assert.Equal(2, afterSecond - afterFirst);
        Assert.Equal((3, 1, 3), (third.MonthsFetched, third.MonthsRepaired, third.MonthsReused));
        Assert.Equal(2 + 3, Requests(world) - afterSecond);
        Assert.Empty(first.Failures);
        Assert.True(first.Points > 0);
    }

    [Fact]
    public async Task FetchedHistory_ReadBack_MatchesThePricesTheSampleMarketShowedAtThoseTimes()
    {
        await using var world = await SampleWorld.StartAsync(new SampleServerOptions { Events = 20, Seed = 7 }, Now);
        var market = OldestMarket(world).First();
        var yes = TokenId.Create(market.YesTokenId);
        var service = world.Services.GetRequiredService<HistoryFetchService>();
        await service.FetchAsync(new HistoryFetchRequest(new DateOnly(2026, 2, 1), new DateOnly(2026, 3, 31)) { Tokens = [yes] }, null, null, CancellationToken.None);
        var history = world.Services.GetRequiredService<CachedMarketHistory>();

        var points = new List<HistoryPoint>();
        await foreach (var chunk in history.ReadAsync(yes, new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero), Now, CancellationToken.None))
        {
            points.AddRange(chunk.ToArray());
        }

        Assert.NotEmpty(points);
        Assert.Equal(points.Count, points.Select(p => p.UnixSeconds).Distinct().Count());
        foreach (var point in points.Where((_, i) => i % 97 == 0).Append(points[^1]))
        {
            // What Gamma (and so a simulate run on this seed) showed for the market at that instant.
            var shown = world.Server.Universe.EventsAt(point.Time).SelectMany(e => e.Markets).Single(m => m.MarketId == market.MarketId);
            Assert.Equal(shown.DisplayPrice, point.Price);
        }
    }

    private static IEnumerable<Sample.Universe.SampleMarketInfo> OldestMarket(SampleWorld world)
    {
        // Markets open now whose event was already open on 1 January: history in every month asked for.
        var january = world.Server.Universe.EventsAt(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)).Select(e => e.EventId).ToHashSet();
        return world.Server.Universe.EventsAt(Now).Where(e => january.Contains(e.EventId)).SelectMany(e => e.Markets).Where(m => !m.Closed);
    }

    private static long Requests(SampleWorld world) => world.Server.Stats.Requests(SampleRoutes.PricesHistory);
}
