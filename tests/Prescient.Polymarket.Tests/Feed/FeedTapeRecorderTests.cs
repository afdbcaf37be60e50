using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Prescient.Polymarket.Feed;
using Prescient.Polymarket.MarketHistory;
using Prescient.Testing;
using Prescient.Testing.Fakes;

namespace Prescient.Polymarket.Tests.Feed;

/// <summary>The tape recorder on its own: a held writer, day files, and frames the one-per-line format must not break.</summary>
public sealed class FeedTapeRecorderTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 23, 59, 59, TimeSpan.Zero));

    [Fact]
    public async Task OnFrame_WriterHeldAndBufferFull_DropsAndCountsWithoutWaiting_AndWritesWhatItKept()
    {
        var stream = new HeldStream();
        var logger = new RecordingLogger<FeedTapeRecorder>();
        var recorder = new FeedTapeRecorder(3, _time, logger, _ => stream);

        // The writer takes the first frame and is held writing it; then three fit the buffer, six do not.
        recorder.OnFrame(Frame(0));
        await stream.Started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        for (var i = 1; i < 10; i++)
        {
            recorder.OnFrame(Frame(i));
        }

        Assert.Equal(new FeedTapeCounters(0, 6, 0), recorder.Counters);
        Assert.Single(logger.Warnings, w => w.Contains("buffer full (3 frames)", StringComparison.Ordinal));

        stream.Release.SetResult();
        await recorder.DisposeAsync();

        Assert.Equal(new FeedTapeCounters(4, 6, 0), recorder.Counters);
        Assert.Equal(Enumerable.Range(0, 4).Select(i => Encoding.UTF8.GetString(Frame(i)) + "\n"), Lines(stream.ToArray()));
    }

    [Fact]
    public async Task OnFrame_AcrossMidnightAndARestart_OneFilePerUtcDay_TheDaysFileAppendedTo()
    {
        var folder = Path.Combine(_dir.Path, "feed");
        var first = new FeedTapeRecorder(folder, 10, _time);
        first.OnFrame(Frame(1));
        _time.Advance(TimeSpan.FromSeconds(2));
        first.OnFrame(Frame(2));
        await first.DisposeAsync();

        var restarted = new FeedTapeRecorder(folder, 10, _time);
        restarted.OnFrame(Frame(3));
        await restarted.DisposeAsync();

        Assert.Equal(["tape_2026-03-01.txt", "tape_2026-03-02.txt"], Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(Text(1), await File.ReadAllTextAsync(Path.Combine(folder, "tape_2026-03-01.txt")));
        Assert.Equal(Text(2) + Text(3), await File.ReadAllTextAsync(Path.Combine(folder, "tape_2026-03-02.txt")));
        Assert.Equal(new FeedTapeCounters(1, 0, 0), restarted.Counters);
    }

    [Fact]
    public async Task OnFrame_AFrameWithLineBreaksAndSemicolons_IsReadBackAsOneFrameHoldingTheSameJson()
    {
        const string pretty = "[\r\n  {\"event_type\": \"new_market\",\n   \"question\": \"Rain;; or shine;\",\n   \"tags\": [\"a\\\\\", \"b\"]}\n]";
        var compact = Encoding.UTF8.GetString(Frame(7));
        var folder = Path.Combine(_dir.Path, "feed");
        var recorder = new FeedTapeRecorder(folder, 10, _time);
        recorder.OnFrame(Encoding.UTF8.GetBytes(pretty));
        recorder.OnFrame(Encoding.UTF8.GetBytes(compact));
        await recorder.DisposeAsync();

        var frames = new List<string>();
        await foreach (var frame in FeedTapeFrames.ReadAsync(Path.Combine(folder, FeedTapeRecorder.FileName(new DateOnly(2026, 3, 1))), CancellationToken.None))
        {
            frames.Add(Encoding.UTF8.GetString(frame.Span));
        }

        Assert.Equal(2, frames.Count);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(pretty), JsonNode.Parse(frames[0])), frames[0]);
        Assert.Equal(compact, frames[1]);
    }

    public void Dispose() => _dir.Dispose();

    private static byte[] Frame(int i) => Encoding.UTF8.GetBytes($$"""{"event_type":"last_trade_price","asset_id":"{{i}}","price":"0.5{{i}}","timestamp":"1772409600000"}""");

    private static string Text(int i) => Encoding.UTF8.GetString(Frame(i)) + "\n";

    private static IEnumerable<string> Lines(byte[] bytes) => Encoding.UTF8.GetString(bytes).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l + "\n");

    /// <summary>A stream whose first write waits until the test lets it go.</summary>
    private sealed class HeldStream : MemoryStream
    {
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Started.TrySetResult();
            await Release.Task;
            await base.WriteAsync(buffer, cancellationToken);
        }
    }
}
