using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using Prescient.Domain.Ids;
using Prescient.Engine.MarketHistory;
using Prescient.Polymarket.Feed;
using Prescient.Polymarket.MarketHistory;
using Prescient.Sample.Server;
using Prescient.Testing;
using Prescient.Testing.Fakes;

namespace Prescient.Polymarket.Tests.Feed;

/// <summary>The feed recording its frames while it reads the sample server's market channel on loopback.</summary>
public sealed class FeedTapeAgainstSampleServerTests : IAsyncDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(60));
    private readonly FakeTimeProvider _serverTime = new(Start);
    private readonly FakeTimeProvider _clientTime = new(Start);
    private readonly RecordingSink _sink = new();
    private readonly TempDirectory _dir = new();
    private SampleServer? _server;

    [Fact]
    public async Task Recording_TheDaysTapeHoldsEveryFrameReceived_AndReadsBackToThePricesOfThoseFrames()
    {
        _server = await SampleServer.StartAsync(new SampleServerOptions { Events = 30 }, _serverTime, _timeout.Token);
        var tokens = _server.Universe.EventsAt(_server.Clock.Now).SelectMany(e => e.Markets).Where(m => m.HasBook && m.EndDate > _server.Clock.Now.AddDays(2))
            .SelectMany(m => new[] { m.YesTokenId, m.NoTokenId }).Select(TokenId.Create).ToArray();
        var folder = Path.Combine(_dir.Path, "feed");
        var recorder = new FeedTapeRecorder(folder, 10_000, _clientTime);
        var received = new CapturingTap(recorder);
        var client = new MarketFeedClient(new MarketFeedOptions { Url = _server.MarketChannelAddress }, _sink, _clientTime, null, received);
        await using (client)
        {
            client.Subscribe(tokens);
            while (Volatile.Read(ref _sink.Snapshots) < tokens.Length || Volatile.Read(ref _sink.LevelUpdates) < 50)
            {
                _server.Clock.AdvanceBy(TimeSpan.FromMinutes(10));
                _serverTime.Advance(new SampleServerOptions().MarketChannelInterval);
                await _sink.WaitForAsync(_ => true, _timeout.Token);
            }
        }

        await recorder.DisposeAsync();

        var frames = received.Frames.ToArray();
        var tape = Path.Combine(folder, "tape_2026-03-01.txt");
        Assert.Equal([tape], Directory.GetFiles(folder));
        Assert.Equal(frames, await File.ReadAllLinesAsync(tape));
        Assert.Equal(new FeedTapeCounters(frames.Length, 0, 0), recorder.Counters);

        // The same frames in the recorded replay's framing, read by the same reader, are the oracle.
        var replay = Path.Combine(_dir.Path, "replay.txt");
        await File.WriteAllTextAsync(replay, string.Join(";;", frames));
        var recorded = new FeedTapeMarketHistory(tape, null, new RecordingLogger<FeedTapeMarketHistory>());
        var oracle = new FeedTapeMarketHistory(replay, null, new RecordingLogger<FeedTapeMarketHistory>());
        var (from, to) = (Start.AddYears(-10), Start.AddYears(10));
        var read = await recorded.TokensAsync(from, to, _timeout.Token);
        Assert.Equal(tokens.Order(), read);
        Assert.Equal(await oracle.TokensAsync(from, to, _timeout.Token), read);
        foreach (var token in read)
        {
            Assert.Equal(await PointsAsync(oracle, token, from, to), await PointsAsync(recorded, token, from, to));
        }

        Assert.Equal((frames.Length, 0L), (recorded.Stats.Frames, recorded.Stats.Malformed));
        Assert.True(recorded.Stats.Points > tokens.Length, $"{recorded.Stats.Points} points");
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        _dir.Dispose();
        _timeout.Dispose();
    }

    private async Task<List<HistoryPoint>> PointsAsync(IMarketHistory history, TokenId token, DateTimeOffset from, DateTimeOffset to)
    {
        var points = new List<HistoryPoint>();
        await foreach (var chunk in history.ReadAsync(token, from, to, _timeout.Token))
        {
            points.AddRange(chunk.ToArray());
        }

        return points;
    }

    /// <summary>Keeps a copy of each frame (as text, in arrival order) and hands it on to the recorder.</summary>
    private sealed class CapturingTap(IFeedFrameTap next) : IFeedFrameTap
    {
        public ConcurrentQueue<string> Frames { get; } = new();

        public void OnFrame(ReadOnlySpan<byte> frame)
        {
            Frames.Enqueue(Encoding.UTF8.GetString(frame));
            next.OnFrame(frame);
        }
    }
}
