using Microsoft.Extensions.Time.Testing;

namespace Prescient.Storage.Influx.Tests;

public sealed class InfluxLineWriterTests
{
    private readonly CancellationToken Deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;

    [Fact]
    public async Task TryEnqueue_ServerAnswers500_ReturnsAtOnceAndDropsBeyondTheBoundWithOneWarning()
    {
        await using var server = await FakeInflux.StartAsync();
        server.Answer = _ => 500;
        var clock = new FakeTimeProvider();
        var harness = new WriterHarness(server, clock, o => (o.BatchSize, o.BufferCapacity) = (1, 3));

        Assert.True(harness.Writer.TryEnqueue("m f=1 1"));
        var (query, body) = await server.NextRequestAsync();

        // The first batch is held for its retry (the fake clock stands still): three more fit, seven are dropped.
        var accepted = Enumerable.Range(2, 10).Select(i => harness.Writer.TryEnqueue($"m f={i} {i}")).ToArray();

        Assert.Equal("?db=prescient&precision=ms", query);
        Assert.Equal("m f=1 1\n", body);
        Assert.Equal([true, true, true, false, false, false, false, false, false, false], accepted);
        Assert.Equal((4L, 0L, 7L), (harness.Writer.Counters.Accepted, harness.Writer.Counters.Written, harness.Writer.Counters.Dropped));
        var full = Assert.Single(harness.Log.Warnings, w => w.Contains("queue of 3 points is full", StringComparison.Ordinal));
        Assert.Contains("1 points dropped since the last warning (1 in all)", full, StringComparison.Ordinal);

        // A minute on, the next drop warns again, with the count since the last warning.
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.False(harness.Writer.TryEnqueue("m f=12 12"));
        Assert.Contains(harness.Log.Warnings, w => w.Contains("7 points dropped since the last warning (8 in all)", StringComparison.Ordinal));

        // Closing gives up on the held batch once its time is up (on the fake clock: moved past it).
        var closing = harness.DisposeAsync().AsTask();
        clock.Advance(TimeSpan.FromSeconds(5));
        await closing.WaitAsync(Deadline);
        Assert.Equal(12L, harness.Writer.Counters.Dropped);
    }

    [Fact]
    public async Task FlushAsync_ServerFailsTwiceThenTakesIt_SendsTheSameBatchAgainUntilWritten()
    {
        await using var server = await FakeInflux.StartAsync();
        server.Answer = n => n <= 2 ? 503 : 204;
        await using var harness = new WriterHarness(server, TimeProvider.System, o => o.RetryDelay = TimeSpan.FromMilliseconds(20));

        harness.Writer.TryEnqueue("quote,token_id=1 best_bid=0.43 1");
        harness.Writer.TryEnqueue("quote,token_id=2 best_bid=0.57 1");
        await harness.Writer.FlushAsync(Deadline);

        var bodies = new[] { await server.NextRequestAsync(), await server.NextRequestAsync(), await server.NextRequestAsync() }.Select(r => r.Body).Distinct();
        Assert.Equal("quote,token_id=1 best_bid=0.43 1\nquote,token_id=2 best_bid=0.57 1\n", Assert.Single(bodies));
        Assert.Equal(new(2, 2, 0, 2), harness.Writer.Counters);
        Assert.Equal(2, harness.Log.Warnings.Count(w => w.Contains("HTTP 503", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task FlushAsync_ServerRefusesThePoints_DropsTheBatchWithoutRetrying()
    {
        await using var server = await FakeInflux.StartAsync();
        server.Answer = _ => 400;
        await using var harness = new WriterHarness(server, TimeProvider.System);

        harness.Writer.TryEnqueue("not a line");
        await harness.Writer.FlushAsync(Deadline);

        Assert.Equal(new(1, 0, 1, 0), harness.Writer.Counters);
        Assert.Equal(1, server.RequestCount);
        Assert.Contains(harness.Log.Entries, e => e.Level == Microsoft.Extensions.Logging.LogLevel.Error && e.Message.Contains("HTTP 400", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DisposeAsync_ServerHangs_GivesUpAfterTheTimeoutAndCountsWhatWasLeft()
    {
        await using var server = await FakeInflux.StartAsync();
        server.Answer = _ => null;
        var clock = new FakeTimeProvider();
        var harness = new WriterHarness(server, clock, o => (o.BatchSize, o.BufferCapacity, o.RequestTimeout) = (1, 3, TimeSpan.FromHours(1)));
        harness.Writer.TryEnqueue("m f=1 1");
        await server.NextRequestAsync();
        var accepted = Enumerable.Range(2, 5).Count(i => harness.Writer.TryEnqueue($"m f={i} {i}"));

        // The timeout's timer is set before DisposeAsync returns; moving the fake clock past it fires it.
        var closing = harness.DisposeAsync().AsTask();
        clock.Advance(TimeSpan.FromSeconds(5));
        await closing.WaitAsync(Deadline);

        Assert.Equal(3, accepted);
        Assert.Equal(new(4, 0, 6, 0), harness.Writer.Counters);
        Assert.Contains(harness.Log.Warnings, w => w.Contains("4 points were not written", StringComparison.Ordinal));
        Assert.False(harness.Writer.TryEnqueue("m f=9 9"));
    }

    [Fact]
    public async Task DisposeAsync_ServerUp_SendsWhatIsQueuedWithoutWaitingForTheInterval()
    {
        await using var server = await FakeInflux.StartAsync();
        var harness = new WriterHarness(server, new FakeTimeProvider(), o => o.FlushInterval = TimeSpan.FromHours(1));
        harness.Writer.TryEnqueue("m f=1 1");
        harness.Writer.TryEnqueue("m f=2 2");

        await harness.DisposeAsync().AsTask().WaitAsync(Deadline);

        Assert.Equal("m f=1 1\nm f=2 2\n", (await server.NextRequestAsync()).Body);
        Assert.Equal(new(2, 2, 0, 0), harness.Writer.Counters);
    }
}
