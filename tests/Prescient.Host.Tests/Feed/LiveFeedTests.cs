using Prescient.Host.Dashboard;
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
        while ((await _hub.NextAsync()) is var (method, payload) && !(method == DashboardMessages.Changed && payload.GetProperty("cause").GetString() == DashboardNotifier.LiveCause))
        {
        }

        var snapshot = await _api.GetJsonAsync("/api/dashboard");
        var feed = snapshot["feed"]!;
        Assert.StartsWith("ws://127.0.0.1:", (string?)feed["url"], StringComparison.Ordinal);
        Assert.True((int)feed["tokens"]! >= (int)cycle["open_positions"]!);
        Assert.Equal(0, (int)feed["malformed"]!);
        Assert.Contains(snapshot["markets"]!["items"]!.AsArray(), m => (bool)m!["live"]!);
        var status = await _api.GetJsonAsync("/trading/status");
        Assert.Equal((string?)feed["url"], (string?)status["feed"]!["url"]);
        Assert.True((bool)status["feed"]!["connected"]!);
    }
}
