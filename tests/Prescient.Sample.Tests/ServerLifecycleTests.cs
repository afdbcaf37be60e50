using Microsoft.Extensions.Time.Testing;
using Prescient.Sample.Server;

namespace Prescient.Sample.Tests;

public sealed class ServerLifecycleTests
{
    [Fact]
    public async Task WaitForShutdownAsync_TokenCancelled_CompletesAndStopsListening()
    {
        await using var server = await SampleServer.StartAsync(new(), new FakeTimeProvider(SampleHarness.Start), CancellationToken.None);
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        using var cancellation = new CancellationTokenSource();
        var clock = await http.GetStringAsync(new Uri("sample/clock", UriKind.Relative));

        var waiting = server.WaitForShutdownAsync(cancellation.Token);
        Assert.False(waiting.IsCompleted);
        await cancellation.CancelAsync();
        await waiting;

        Assert.Contains("2026-03-01T12:00:00", clock, StringComparison.Ordinal);
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetStringAsync(new Uri("sample/clock", UriKind.Relative)));
    }

    [Fact]
    public async Task StartAsync_Localhost_BindsLoopbackOnFreePort()
    {
        await using var server = await SampleServer.StartAsync(new() { Host = "localhost" }, TimeProvider.System, CancellationToken.None);

        Assert.Equal("127.0.0.1", server.BaseAddress.Host);
        Assert.NotEqual(0, server.BaseAddress.Port);
        Assert.EndsWith("/", server.BaseAddress.AbsoluteUri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_HostName_ThrowsClearMessage()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => SampleServer.StartAsync(new() { Host = "example.org" }, TimeProvider.System, CancellationToken.None));

        Assert.Contains("IP address or \"localhost\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FindEvent_AfterResolution_GroundTruthPayoutMatchesWire()
    {
        await using var harness = await SampleHarness.StartAsync();
        var target = harness.Server.Universe.EventsAt(harness.Now).OrderBy(e => e.EndDate).First();
        harness.Server.Clock.AdvanceBy(target.EndDate - harness.Now);

        var truth = harness.Server.Universe.FindEvent(target.EventId, harness.Now)!;
        var wire = await harness.GetJsonAsync("events/" + target.EventId);

        Assert.True(truth.Closed);
        Assert.Equal(target.Title, truth.Title);
        var markets = wire["markets"]!.AsArray();
        for (var i = 0; i < truth.Markets.Count; i++)
        {
            var payout = truth.Markets[i].YesPayout!.Value;
            Assert.Contains(payout, new[] { 0m, 0.5m, 1m });
            Assert.Equal(payout, decimal.Parse(Paging.EncodedArray(markets[i]!["outcomePrices"])[0], System.Globalization.CultureInfo.InvariantCulture));
        }

        Assert.Null(harness.Server.Universe.FindEvent("100", harness.Now));
        Assert.True(harness.Server.Stats.BusyTime > TimeSpan.Zero);
    }
}
