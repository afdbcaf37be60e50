using Prescient.Host.Dashboard;
using Prescient.Host.Tests.Dashboard;
using Prescient.Polymarket.MarketHistory;
using Prescient.Testing;
using Prescient.Testing.Fakes;

namespace Prescient.Host.Tests.Feed;

/// <summary><c>serve</c>'s live feed on the in-process sample market, with <c>Feed:Record</c> on and off.</summary>
public sealed class FeedRecordTests : IDisposable
{
    private readonly TempDirectory _data = new();

    [Fact]
    public async Task RecordOn_TheFramesOfTheFeedGoToTheDaysTapeInTheDataFolder_WhichReadsBackAsPrices()
    {
        var before = DateTimeOffset.UtcNow;
        var written = await ServeUntilTheFeedHasBooksAsync("true");

        var feed = Path.Combine(_data.Path, "feed");
        var tape = Assert.Single(Directory.GetFiles(feed));
        var days = new[] { before, DateTimeOffset.UtcNow }.Select(t => $"tape_{t.UtcDateTime:yyyy-MM-dd}.txt");
        Assert.Contains(Path.GetFileName(tape), days);
        Assert.True(written >= 0, "the feed status shows the tape");
        var history = new FeedTapeMarketHistory(feed, null, new RecordingLogger<FeedTapeMarketHistory>());
        var tokens = await history.TokensAsync(DateTimeOffset.UnixEpoch, DateTimeOffset.MaxValue.AddYears(-1), CancellationToken.None);
        Assert.NotEmpty(tokens);
        Assert.Equal(0, history.Stats.Malformed);
        Assert.True(history.Stats.Frames >= written, $"{history.Stats.Frames} frames on the tape, {written} counted written while serving");
    }

    [Fact]
    public async Task RecordOff_NoTapeIsWritten()
    {
        var written = await ServeUntilTheFeedHasBooksAsync("false");

        Assert.Equal(-1, written);
        Assert.False(Directory.Exists(Path.Combine(_data.Path, "feed")) && Directory.EnumerateFiles(Path.Combine(_data.Path, "feed")).Any());
    }

    public void Dispose() => _data.Dispose();

    /// <summary>Runs a cycle, waits for the feed's first live books, and stops serve; returns the status's count of frames taped (-1 without a tape).</summary>
    private async Task<long> ServeUntilTheFeedHasBooksAsync(string record)
    {
        var api = await ApiFixture.StartAsync(new Dictionary<string, string?> { ["Data"] = _data.Path, ["Feed:Enabled"] = "true", ["Feed:Record"] = record });
        await using (api)
        {
            await using var hub = await HubListener.ConnectAsync(api.BaseAddress);
            await api.PostJsonAsync("/trading/run-full-cycle");
            await hub.WaitForChangeAsync(DashboardNotifier.LiveCause, _data.Path);
            var tape = (await api.GetJsonAsync("/trading/status"))["feed"]!["tape"];
            return tape is null ? -1 : (long)tape["written"]!;
        }
    }
}
