using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Prescient.Domain.Books;
using Prescient.Domain.Ids;
using Prescient.Engine.Quotes;
using Prescient.Engine.Runs;
using Prescient.Host.Dashboard;

namespace Prescient.Host.Tests.Dashboard;

/// <summary>The hub's messages after each change, received by a real SignalR client from a real server on loopback.</summary>
public sealed class DashboardHubTests : IAsyncLifetime
{
    private ApiFixture _api = null!;
    private HubListener _hub = null!;

    public async Task InitializeAsync()
    {
        _api = await ApiFixture.StartAsync();
        _hub = await HubListener.ConnectAsync(_api.BaseAddress);
    }

    public async Task DisposeAsync()
    {
        await _hub.DisposeAsync();
        await _api.DisposeAsync();
    }

    [Fact]
    public async Task StepRequests_EachPushesChangedWithItsTopics_ExportsPushNothing()
    {
        await _api.PostJsonAsync("/events/refresh-all-exports");
        await _api.PostJsonAsync("/markets/refresh");
        await _api.PostJsonAsync("/markets/export-csv");
        await _api.PostJsonAsync("/strategy/generate-signals");
        await _api.PostJsonAsync("/paper-trading/execute-signals");

        Assert.Equal(("POST /events/refresh-all-exports", "events,markets"), Joined(await _hub.NextAsync()));
        Assert.Equal(("POST /markets/refresh", "quotes,markets"), Joined(await _hub.NextAsync()));
        Assert.Equal(("POST /strategy/generate-signals", "signals"), Joined(await _hub.NextAsync()));
        Assert.Equal(("POST /paper-trading/execute-signals", "trades,positions,portfolio,signals"), Joined(await _hub.NextAsync()));
    }

    [Fact]
    public async Task Cycle_FromTheApi_PushesStartedThenFinishedWithItsSummaryThenChanged()
    {
        var cycle = await _api.PostJsonAsync("/trading/run-full-cycle");

        var (started, s) = await _hub.NextAsync();
        Assert.Equal(("runStarted", "cycle", "api"), (started, s.GetProperty("kind").GetString(), s.GetProperty("trigger").GetString()));
        var (finished, f) = await _hub.NextAsync();
        Assert.Equal("runFinished", finished);
        Assert.True(f.GetProperty("succeeded").GetBoolean());
        Assert.Equal((string?)cycle["summary"], f.GetProperty("summary").GetString());
        var (cause, topics) = Change(await _hub.NextAsync());
        Assert.Equal("cycle (api)", cause);
        Assert.Contains("trades", topics);
        Assert.Contains("positions", topics);
        Assert.Contains("quotes", topics);
    }

    [Fact]
    public async Task Runs_WhileOneGoes_Refused409_ThenAcceptedOnceItEnds()
    {
        var guard = _api.Api.Services.GetRequiredService<RunGuard>();
        var going = guard.TryBegin(RunKinds.EndOfDay, RunTriggers.Schedule)!;
        Assert.Equal("runStarted", (await _hub.NextAsync()).Method);

        foreach (var path in new[] { "/trading/run-full-cycle", "/trading/end-of-day" })
        {
            using var refused = await _api.Client.PostAsync(new Uri(path, UriKind.Relative), null);
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            Assert.Contains("end of day", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var dashboard = await _api.GetJsonAsync("/api/dashboard");
        Assert.Equal("end_of_day", (string?)dashboard["runs"]!["running"]);

        going.Dispose();
        var (method, payload) = await _hub.NextAsync();
        Assert.Equal(("runFinished", "cancelled"), (method, payload.GetProperty("summary").GetString()));
        await _api.PostJsonAsync("/trading/end-of-day");
    }

    [Fact]
    public async Task LiveBooks_ABurstOfChanges_PushesChangedForQuotesAndMarks()
    {
        var live = _api.Api.Services.GetRequiredService<LiveBooks>();
        var token = TokenId.Create("12345");
        for (var i = 1; i <= 50; i++)
        {
            live.Update(OrderBook.Create(token, null, [new BookLevel(i / 100m, 10m)], [new BookLevel(0.99m, 10m)]));
        }

        Assert.Equal((DashboardNotifier.LiveCause, "quotes,markets,positions,portfolio"), Joined(await _hub.NextAsync()));
        var snapshot = await _api.GetJsonAsync("/api/dashboard");
        Assert.Equal(10_000m, (decimal)snapshot["overview"]!["equity"]!);
    }

    private static (string Cause, string Topics) Joined((string Method, JsonElement Payload) message)
    {
        var (cause, topics) = Change(message);
        return (cause, string.Join(',', topics));
    }

    private static (string Cause, string[] Topics) Change((string Method, JsonElement Payload) message)
    {
        Assert.Equal("changed", message.Method);
        return (
            message.Payload.GetProperty("cause").GetString()!,
            message.Payload.GetProperty("topics").EnumerateArray().Select(t => t.GetString()!).ToArray());
    }
}
