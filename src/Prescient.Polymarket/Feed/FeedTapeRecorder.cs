using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Prescient.Polymarket.Feed;

/// <summary>
/// Records the frames the feed receives as a feed tape, the format <c>--history feed</c> reads: one frame
/// per line (<see cref="FeedTapeLine"/>), appended to <c>tape_YYYY-MM-DD.txt</c> of the UTC day the frame
/// arrived (by the injected clock), so a restart appends to the day's file and a new day starts a new
/// one. The receive loops only copy the frame into a bounded buffer; one background loop writes. With the
/// buffer full a frame is dropped and counted (the first of a run of drops logged), never waited for:
/// the feed and trading never wait on the disk. The file is flushed to the operating system whenever the
/// buffer runs empty, never fsynced: the tape is a research record, not the ledger. A write that fails
/// (a full disk) costs its frame, counted, and the file is opened again for the next. Disposing writes
/// what is buffered and closes the file.
/// </summary>
public sealed partial class FeedTapeRecorder : IFeedFrameTap, IAsyncDisposable
{
    private const int FlushEvery = 1000;
    private readonly Channel<Entry> _buffer;
    private readonly Func<DateOnly, Stream> _open;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly int _capacity;
    private readonly Task _loop;
    private long _written;
    private long _dropped;
    private long _failed;
    private int _full;

    /// <param name="folder">Where the day files go (the data folder's <c>feed/</c>); created when missing.</param>
    /// <param name="capacity">Frames buffered for the writer, at least 1.</param>
    public FeedTapeRecorder(string folder, int capacity, TimeProvider time, ILogger<FeedTapeRecorder>? logger = null)
        : this(capacity, time, logger, day => OpenDay(folder, day))
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
    }

    /// <summary>With <paramref name="open"/> giving the stream a day's frames are appended to (a test's own).</summary>
    internal FeedTapeRecorder(int capacity, TimeProvider time, ILogger? logger, Func<DateOnly, Stream> open)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? NullLogger.Instance;
        _open = open;
        _buffer = Channel.CreateBounded<Entry>(new BoundedChannelOptions(capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        _loop = Task.Run(WriteLoopAsync);
    }

    /// <summary>Frames written and flushed, dropped with the buffer full, and lost to failed writes, since the start.</summary>
    public FeedTapeCounters Counters => new(Interlocked.Read(ref _written), Interlocked.Read(ref _dropped), Interlocked.Read(ref _failed));

    /// <summary>The file name of a day's tape.</summary>
    public static string FileName(DateOnly day) => $"tape_{day:yyyy-MM-dd}.txt";

    public void OnFrame(ReadOnlySpan<byte> frame)
    {
        // The keep-alive replies carry no market data: a tape holds the market's messages only.
        if (frame.IsEmpty || frame.SequenceEqual("PONG"u8))
        {
            return;
        }

        var day = DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime);
        if (!_buffer.Writer.TryWrite(new Entry(day, FeedTapeLine.Of(frame))))
        {
            Interlocked.Increment(ref _dropped);
            if (Interlocked.Exchange(ref _full, 1) == 0)
            {
                LogFull(_logger, _capacity);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _buffer.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }

    private static FileStream OpenDay(string folder, DateOnly day)
    {
        Directory.CreateDirectory(folder);
        return new FileStream(Path.Combine(folder, FileName(day)), FileMode.Append, FileAccess.Write, FileShare.Read, 1 << 16, useAsync: true);
    }

    private async Task WriteLoopAsync()
    {
        var file = new DayFile(this);
        try
        {
            while (await _buffer.Reader.WaitToReadAsync().ConfigureAwait(false))
            {
                while (_buffer.Reader.TryRead(out var entry))
                {
                    await file.WriteAsync(entry).ConfigureAwait(false);
                }

                await file.FlushAsync().ConfigureAwait(false);
                if (Volatile.Read(ref _full) == 1 && Interlocked.Exchange(ref _full, 0) == 1)
                {
                    LogCaughtUp(_logger, Interlocked.Read(ref _dropped));
                }
            }
        }
        finally
        {
            await file.CloseAsync().ConfigureAwait(false);
        }
    }

    [LoggerMessage(EventId = 1410, Level = LogLevel.Warning, Message = "Feed tape buffer full ({Capacity} frames): dropping frames until the writer catches up")]
    private static partial void LogFull(ILogger logger, int capacity);

    [LoggerMessage(EventId = 1411, Level = LogLevel.Information, Message = "Feed tape writer caught up; {Dropped} frames dropped since the start")]
    private static partial void LogCaughtUp(ILogger logger, long dropped);

    [LoggerMessage(EventId = 1412, Level = LogLevel.Warning, Message = "Feed tape could not write {Day}: {Reason}; frames are lost until it can")]
    private static partial void LogFailed(ILogger logger, DateOnly day, string reason, Exception exception);

    [LoggerMessage(EventId = 1413, Level = LogLevel.Information, Message = "Feed tape writing {Day} again")]
    private static partial void LogRecovered(ILogger logger, DateOnly day);

    private readonly record struct Entry(DateOnly Day, byte[] Line);

    /// <summary>
    /// The open day file of the writer loop. Lines count as written once flushed; a failure loses the
    /// lines not yet flushed (counted) and closes the file, and the next frame opens it again.
    /// </summary>
    private sealed class DayFile(FeedTapeRecorder owner)
    {
        private Stream? _stream;
        private DateOnly _day;
        private int _pending;
        private bool _failing;

        public async Task WriteAsync(Entry entry)
        {
            if (_stream is not null && entry.Day != _day)
            {
                await CloseAsync().ConfigureAwait(false);
            }

            try
            {
                if (_stream is null)
                {
                    (_stream, _day) = (owner._open(entry.Day), entry.Day);
                }

                await _stream.WriteAsync(entry.Line).ConfigureAwait(false);
                if (++_pending == FlushEvery)
                {
                    await FlushAsync().ConfigureAwait(false);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await FailAsync(entry.Day, _pending + 1, e).ConfigureAwait(false);
            }
        }

        /// <summary>Hands what is buffered to the operating system (no fsync) and counts it written.</summary>
        public async Task FlushAsync()
        {
            if (_stream is null || _pending == 0)
            {
                return;
            }

            try
            {
                await _stream.FlushAsync().ConfigureAwait(false);
                Written();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await FailAsync(_day, _pending, e).ConfigureAwait(false);
            }
        }

        public async Task CloseAsync()
        {
            if (_stream is not { } stream)
            {
                return;
            }

            _stream = null;
            try
            {
                await stream.DisposeAsync().ConfigureAwait(false);
                Written();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Lost(_day, _pending, e);
            }
        }

        private void Written()
        {
            Interlocked.Add(ref owner._written, _pending);
            _pending = 0;
            if (_failing)
            {
                _failing = false;
                LogRecovered(owner._logger, _day);
            }
        }

        private async Task FailAsync(DateOnly day, int lost, Exception e)
        {
            Lost(day, lost, e);
            if (_stream is { } stream)
            {
                _stream = null;
                try
                {
                    // Closing flushes again what could not be written: it fails the same way, and those lines are counted lost already.
                    await stream.DisposeAsync().ConfigureAwait(false);
                }
                catch (Exception again) when (again is IOException or UnauthorizedAccessException)
                {
                    Lost(day, 0, again);
                }
            }
        }

        private void Lost(DateOnly day, int lines, Exception e)
        {
            Interlocked.Add(ref owner._failed, lines);
            _pending = 0;
            if (!_failing)
            {
                _failing = true;
                LogFailed(owner._logger, day, e.Message, e);
            }
        }
    }
}

/// <summary>A feed tape's counts since the recorder started: frames written (flushed to the file), dropped with the buffer full, lost to failed writes.</summary>
public sealed record FeedTapeCounters(long Written, long Dropped, long Failed);
