using System.Text.Json;
using Prescient.Sample.Universe;

namespace Prescient.Sample.Tests;

/// <summary>The <c>MiddayResolutions</c> switch: markets closed with their resolution pending for hours, resolving between 10:00 and 17:00 UTC.</summary>
public sealed class MiddayResolutionTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void EventsAt_Switched_SomeClosedMarketsPendWithClosingPricesThenResolveMidday()
    {
        var universe = new SampleUniverse(new() { MiddayResolutions = true });
        var open = universe.EventsAt(At).SelectMany(e => e.Markets.Select(m => (e.EventId, Market: m))).ToArray();
        var pendingSeen = 0;
        foreach (var (eventId, market) in open)
        {
            var justClosed = universe.FindEvent(eventId, market.EndDate)!.Markets.Single(m => m.MarketId == market.MarketId);
            Assert.True(justClosed.Closed);
            if (justClosed.YesPayout is not null)
            {
                continue;
            }

            pendingSeen++;
            Assert.DoesNotContain(justClosed.DisplayPrice, new[] { 0m, 1m });
            var resolvedAt = FirstResolved(universe, eventId, market);
            Assert.InRange(resolvedAt.UtcDateTime.Hour, 10, 16);
            Assert.True(resolvedAt >= market.EndDate.AddHours(1));
            var resolved = universe.FindEvent(eventId, resolvedAt)!.Markets.Single(m => m.MarketId == market.MarketId);
            Assert.Equal(resolved.YesPayout, resolved.DisplayPrice);
        }

        Assert.InRange(pendingSeen, open.Length / 4, open.Length * 3 / 4);
    }

    [Fact]
    public void EventsAt_Switched_OpenMarketsUnchanged()
    {
        var plain = JsonSerializer.Serialize(new SampleUniverse(new()).EventsAt(At));
        var switched = JsonSerializer.Serialize(new SampleUniverse(new() { MiddayResolutions = true }).EventsAt(At));

        Assert.Equal(plain, switched);
    }

    [Fact]
    public void EventsAt_NotSwitched_EveryMarketResolvesAsItCloses()
    {
        var universe = new SampleUniverse(new());
        foreach (var e in universe.EventsAt(At))
        {
            foreach (var market in e.Markets)
            {
                Assert.NotNull(universe.FindEvent(e.EventId, market.EndDate)!.Markets.Single(m => m.MarketId == market.MarketId).YesPayout);
            }
        }
    }

    /// <summary>The first whole hour at which the market shows a payout (within two days of its close).</summary>
    private static DateTimeOffset FirstResolved(SampleUniverse universe, string eventId, SampleMarketInfo market)
    {
        var hour = new DateTimeOffset(market.EndDate.UtcDateTime.Date.AddHours(market.EndDate.UtcDateTime.Hour + 1), TimeSpan.Zero);
        for (var i = 0; i < 48; i++, hour = hour.AddHours(1))
        {
            if (universe.FindEvent(eventId, hour)!.Markets.Single(m => m.MarketId == market.MarketId).YesPayout is not null)
            {
                return hour;
            }
        }

        throw new InvalidOperationException($"market {market.MarketId} did not resolve within two days of its close");
    }
}
