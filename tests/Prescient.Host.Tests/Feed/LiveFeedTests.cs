using System.Text.Json.Nodes;
using Prescient.Host.Dashboard;
using Prescient.Host.Feed;
using Prescient.Host.Tests.Dashboard;

namespace Prescient.Host.Tests.Feed;

/// <summary><c>serve</c> with its live feed on the in-process sample market's market channel, on loopback.</summary>
public sealed class LiveFeedTests : IAsyncLifetime
{
    private ApiFixture _api = null!;
    private HubListener _hub = null!;

    public async Task InitializeAsync()
    {
        _api = await ApiFixture.StartAsync(new Dictionary<string, string?> { ["Feed:Enabled"] = "true" });
        _hub = await HubListener.ConnectAsync(_api.BaseAddress);
    }

    public async Task DisposeAsync()
    {
        await _hub.DisposeAsync();
        await _api.DisposeAsync();
    }

    [Fact]
    public async Task AfterACycle_TheFeedWatchesHeldAndQuotedTokens_AndTheDashboardShowsLiveBooks()
    {
        var cycle = await _api.PostJsonAsync("/trading/run-full-cycle");
        Assert.True((int)cycle["open_positions"]! > 0);

        // The books the feed keeps arrive as "changed" from the live feed: wait for the first one after the run's own messages.
        await _hub.WaitForChangeAsync(DashboardNotifier.LiveCause, _api.DataDirectory);

        var snapshot = await _api.GetJsonAsync("/api/dashboard");
        var feed = snapshot["feed"]!;
        Assert.StartsWith("ws://127.0.0.1:", (string?)feed["url"], StringComparison.Ordinal);
        Assert.True((int)feed["tokens"]! >= (int)cycle["open_positions"]!);
        Assert.Equal(0, (int)feed["malformed"]!);
        Assert.Contains(snapshot["markets"]!["items"]!.AsArray(), m => (bool)m!["live"]!);
        var status = await _api.GetJsonAsync("/trading/status");
        Assert.Equal((string?)feed["url"], (string?)status["feed"]!["url"]);
        Assert.True((bool)status["feed"]!["connected"]!);
        Assert.Null(status["feed"]!["intraday"]);
    }

    [Fact]
    public async Task HeldMarketsResolveOnTheChannel_SettleAtOnce_AndTheNextCycleDoesNotSettleThemAgain()
    {
        await _api.PostJsonAsync("/trading/run-full-cycle");
        var held = (await _api.GetJsonAsync("/paper-trading/portfolio"))["positions"]!.AsArray().Select(p => (string)p!["market_id"]!).ToHashSet();

        // Once the feed has its books, three simulated days: some held markets end and resolve, and the
        // sample market says so on its channel (a resolution while the feed is away is the next cycle's).
        await _hub.WaitForChangeAsync(DashboardNotifier.LiveCause, _api.DataDirectory);
        _api.Api.Backend.Sample!.Clock.AdvanceBy(TimeSpan.FromDays(3));
        await _hub.WaitForChangeAsync(LiveFeedService.ResolvedCause, _api.DataDirectory);

        var settled = Settlements(JsonNode.Parse(await _api.GetTextAsync("/paper-trading/trades"))!.AsArray());
        Assert.NotEmpty(settled);
        Assert.All(settled, s => Assert.Contains(s.Key, held));
        Assert.All(settled, s => Assert.Equal(1, s.Value));
        var positions = (await _api.GetJsonAsync("/paper-trading/portfolio"))["positions"]!.AsArray();
        Assert.DoesNotContain(positions, p => settled.ContainsKey((string)p!["market_id"]!));

        await _api.PostJsonAsync("/trading/run-full-cycle");
        var after = Settlements(JsonNode.Parse(await _api.GetTextAsync("/paper-trading/trades"))!.AsArray());
        Assert.All(settled, s => Assert.Equal(1, after[s.Key]));
    }

    private static Dictionary<string, int> Settlements(JsonArray ledger) =>
        ledger.Where(t => (string?)t!["kind"] == "settlement").GroupBy(t => (string)t!["market_id"]!).ToDictionary(g => g.Key, g => g.Count());
}
