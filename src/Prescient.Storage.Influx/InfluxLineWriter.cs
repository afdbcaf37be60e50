using System.Net;
using System.Text;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Prescient.Engine.TimeSeries;
using Prescient.Storage.Influx.LineProtocol;

namespace Prescient.Storage.Influx;

/// <summary>
/// Batches line-protocol lines to InfluxDB 1.x's <c>POST /write</c>. <see cref="TryEnqueue"/> never
/// waits and never throws: the line goes into a bounded queue, or, when the queue is full, is dropped
/// and counted (with a rate-limited warning). One background loop sends the queue in batches of at
/// most <see cref="InfluxOptions.BatchSize"/>; a batch that fails (InfluxDB down, a timeout, a 5xx or
/// a 4xx other than 400/413) is logged and sent again after a growing delay, while new lines keep
/// queueing up to the bound. A 400 or 413 (InfluxDB refused the points themselves: sending them again
/// cannot succeed) drops the batch, counted. Disposing sends what is queued, waiting at most
/// <see cref="InfluxOptions.DisposeTimeout"/>.
/// </summary>
public sealed partial class InfluxLineWriter : IAsyncDisposable, IDisposable
{
    /// <summary>The named <see cref="HttpClient"/> the writer asks the factory for.</summary>
    public const string HttpClientName = "Prescient.Storage.Influx";

    public const LinePrecision Precision = LinePrecision.Milliseconds;

    private readonly HttpClient _http;
    private readonly InfluxOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<InfluxLineWriter> _logger;
    private readonly Channel<string> _queue;
    private readonly Uri _writeUri;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private TaskCompletionSource _wake = NewSignal();
    private TaskCompletionSource _progress = NewSignal();
    private long _accepted;
    private long _written;
    private long _dropped;
    private long _settled;
    private long _failedWrites;
    private long _unreportedDrops;
    private long _lastDropWarning = long.MinValue;
    private int _flushing;
    private int _disposed;

    public InfluxLineWriter(IHttpClientFactory http, IOptions<InfluxOptions> options, TimeProvider time, ILogger<InfluxLineWriter> logger)
    {
        // Created once: closing flushes through it while the container that made it is being disposed.
        _http = http.CreateClient(HttpClientName);
        _options = options.Value;
        _time = time;
        _logger = logger;
        _writeUri = _options.WriteUri(Precision);
        _queue = Channel.CreateBounded<string>(new BoundedChannelOptions(_options.BufferCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
        _loop = Task.Run(RunAsync);
    }

    public TimeSeriesCounters Counters => new(
        Interlocked.Read(ref _accepted), Interlocked.Read(ref _written), Interlocked.Read(ref _dropped), Interlocked.Read(ref _failedWrites));

    /// <summary>Queues one line (no line break); false when it was dropped because the queue is full or the writer is closed.</summary>
    public bool TryEnqueue(string line)
    {
        if (!_queue.Writer.TryWrite(line))
        {
            Dropped(1);
            return false;
        }

        Interlocked.Increment(ref _accepted);
        if (_queue.Reader.Count == _options.BatchSize)
        {
            Wake();
        }

        return true;
    }

    /// <summary>Waits until every line queued before the call was written or dropped: the way to read one's writes without sleeping.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        var target = Interlocked.Read(ref _accepted);
        Interlocked.Increment(ref _flushing);
        try
        {
            Wake();
            while (true)
            {
                var progress = Volatile.Read(ref _progress).Task;
                if (Interlocked.Read(ref _settled) >= target)
                {
                    return;
                }

                await progress.WaitAsync(cancellationToken);
            }
        }
        finally
        {
            Interlocked.Decrement(ref _flushing);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _queue.Writer.TryComplete();
        Wake();
        try
        {
            await _loop.WaitAsync(_options.DisposeTimeout, _time);
        }
        catch (TimeoutException)
        {
            await _stop.CancelAsync();
            await _loop;
        }

        _stop.Dispose();
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private async Task RunAsync()
    {
        var batch = new List<string>(_options.BatchSize);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(_stop.Token))
            {
                await WaitForBatchAsync();
                batch.Clear();
                while (batch.Count < _options.BatchSize && _queue.Reader.TryRead(out var line))
                {
                    batch.Add(line);
                }

                await SendAsync(batch);
                Settled(batch.Count);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            var left = batch.Count;
            while (_queue.Reader.TryRead(out _))
            {
                left++;
            }

            Interlocked.Add(ref _dropped, left);
            Settled(left);
            LogLeftUnwritten(_logger, left, _options.DisposeTimeout);
        }
        catch (Exception e)
        {
            // A bug, not an InfluxDB failure: logged once, and the queue is closed so that nothing waits on a dead loop.
            _queue.Writer.TryComplete();
            LogLoopFailed(_logger, e.Message, e);
        }
    }

    /// <summary>Returns when a batch is full, a flush or the close asks for what is there, or the flush interval has passed.</summary>
    private async Task WaitForBatchAsync()
    {
        var wake = Volatile.Read(ref _wake).Task;
        if (_queue.Reader.Count >= _options.BatchSize || Volatile.Read(ref _flushing) > 0 || Volatile.Read(ref _disposed) == 1)
        {
            return;
        }

        using var interval = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        var delay = Task.Delay(_options.FlushInterval, _time, interval.Token);
        await Task.WhenAny(delay, wake);
        await interval.CancelAsync();
        _stop.Token.ThrowIfCancellationRequested();
    }

    /// <summary>Sends <paramref name="batch"/> until InfluxDB takes it or refuses its points; throws only when the writer is stopped.</summary>
    private async Task SendAsync(List<string> batch)
    {
        var body = string.Join('\n', batch) + "\n";
        var delay = _options.RetryDelay;
        for (var attempt = 1; ; attempt++)
        {
            var (status, problem) = await PostAsync(body);
            if (status == HttpStatusCode.NoContent || status == HttpStatusCode.OK)
            {
                Interlocked.Add(ref _written, batch.Count);
                return;
            }

            if (status is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge)
            {
                Interlocked.Add(ref _dropped, batch.Count);
                LogRefused(_logger, batch.Count, (int)status, problem);
                return;
            }

            Interlocked.Increment(ref _failedWrites);
            var wait = delay * (0.8 + (0.4 * Random.Shared.NextDouble()));
            LogFailed(_logger, batch.Count, attempt, problem, wait);
            await Task.Delay(wait, _time, _stop.Token);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.MaxRetryDelay.Ticks));
        }
    }

    /// <summary>The status (null when no answer came) and, when it is not a success, what went wrong.</summary>
    private async Task<(HttpStatusCode? Status, string Problem)> PostAsync(string body)
    {
        try
        {
            using var content = new StringContent(body, Encoding.UTF8, "text/plain");
            using var response = await _http.PostAsync(_writeUri, content, _stop.Token);
            if (response.IsSuccessStatusCode)
            {
                return (response.StatusCode, string.Empty);
            }

            var text = await response.Content.ReadAsStringAsync(_stop.Token);
            return (response.StatusCode, $"HTTP {(int)response.StatusCode}: {Truncate(text)}");
        }
        catch (HttpRequestException e)
        {
            return (null, e.Message);
        }
        catch (TaskCanceledException) when (!_stop.IsCancellationRequested)
        {
            return (null, $"no answer within {_options.RequestTimeout}");
        }
    }

    private void Dropped(long count)
    {
        Interlocked.Add(ref _dropped, count);
        Interlocked.Add(ref _unreportedDrops, count);
        var now = _time.GetTimestamp();
        var last = Interlocked.Read(ref _lastDropWarning);
        if ((last == long.MinValue || _time.GetElapsedTime(last, now) >= _options.DropWarningInterval)
            && Interlocked.CompareExchange(ref _lastDropWarning, now, last) == last)
        {
            LogQueueFull(_logger, Interlocked.Exchange(ref _unreportedDrops, 0), _options.BufferCapacity, Interlocked.Read(ref _dropped));
        }
    }

    private void Settled(long count)
    {
        Interlocked.Add(ref _settled, count);
        Interlocked.Exchange(ref _progress, NewSignal()).TrySetResult();
    }

    private void Wake() => Interlocked.Exchange(ref _wake, NewSignal()).TrySetResult();

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static string Truncate(string text) => text.Length <= 200 ? text.Trim() : text[..200].Trim() + "…";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Time series: the queue of {Capacity} points is full; {Count} points dropped since the last warning ({Total} in all)")]
    private static partial void LogQueueFull(ILogger logger, long count, int capacity, long total);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Time series: writing {Count} points to InfluxDB failed (attempt {Attempt}: {Problem}); retrying in {Delay}")]
    private static partial void LogFailed(ILogger logger, int count, int attempt, string problem, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "Time series: InfluxDB refused {Count} points with HTTP {Status} ({Problem}); they are dropped")]
    private static partial void LogRefused(ILogger logger, int count, int status, string problem);

    [LoggerMessage(Level = LogLevel.Error, Message = "Time series: the InfluxDB writer stopped ({Problem}); no more points are written")]
    private static partial void LogLoopFailed(ILogger logger, string problem, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Time series: {Count} points were not written to InfluxDB within {Timeout} of closing; they are dropped")]
    private static partial void LogLeftUnwritten(ILogger logger, long count, TimeSpan timeout);
}
