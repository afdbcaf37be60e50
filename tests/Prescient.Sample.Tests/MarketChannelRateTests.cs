using System.Globalization;
using Xunit.Abstractions;
using Prescient.Sample.Server;

namespace Prescient.Sample.Tests;

/// <summary>How much the market channel says about the whole default universe (300 events) per instant; numbers for the docs, no timing asserted.</summary>
public sealed class MarketChannelRateTests(ITestOutputHelper output)
{
    [Fact]
    public async Task WholeUniverse_TenIntervals_SendsChangesEveryInterval()
    {
        await using var harness = await SampleHarness.StartAsync();
        var tokens = harness.Server.Universe.EventsAt(harness.Now).SelectMany(e => e.Markets).Where(m => m.HasBook).SelectMany(m => new[] { m.YesTokenId, m.NoTokenId }).ToList();
        using var client = await MarketChannelClient.ConnectAsync(harness);
        await client.SubscribeAsync(tokens);
        await client.ReceiveAsync();
        var interval = new SampleServerOptions().MarketChannelInterval;
        var perInterval = new List<int>();
        var entries = 0;
        for (var i = 0; i < 10; i++)
        {
            harness.Time.Advance(interval);
            var at = harness.Now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
            var frames = new List<System.Text.Json.Nodes.JsonNode>();
            while (!frames.Any(f => f["timestamp"]?.GetValue<string>() == at))
            {
                frames.AddRange(await client.DrainAsync());
            }

            perInterval.Add(frames.Count);
            entries += frames.Sum(f => f["price_changes"]?.AsArray().Count ?? 0);
        }

        output.WriteLine($"{tokens.Count} tokens, interval {interval.TotalMilliseconds} ms: frames per interval {string.Join(' ', perInterval)}; {perInterval.Sum() / (10 * interval.TotalSeconds):F0} frames/s, {entries / (10 * interval.TotalSeconds):F0} price_change entries/s");
        Assert.All(perInterval, n => Assert.True(n > 0));
    }
}
