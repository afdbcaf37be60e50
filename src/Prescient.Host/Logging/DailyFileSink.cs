using Serilog;
using Serilog.Core;
using Serilog.Debugging;
using Serilog.Events;
using Serilog.Formatting;

namespace Prescient.Host.Logging;

/// <summary>
/// Writes each event to the file of the current UTC day (by the injected clock), e.g.
/// <c>logs/trading_log_2026-03-02.txt</c>, switching files when the day changes: the stock rolling
/// sink names its files otherwise. A file that cannot be opened (the folder is not writable) drops
/// the events and is tried again a minute later; nothing here ever throws into the caller.
/// </summary>
internal sealed class DailyFileSink(Func<DateOnly, string> pathForDay, ITextFormatter formatter, TimeProvider time) : ILogEventSink, IDisposable
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromMinutes(1);

    private readonly Lock _lock = new();
    private DateOnly? _day;
    private Logger? _file;
    private DateTimeOffset _retryAt = DateTimeOffset.MinValue;

    public void Emit(LogEvent logEvent)
    {
        var now = time.GetUtcNow();
        var day = DateOnly.FromDateTime(now.UtcDateTime);
        lock (_lock)
        {
            if (_day != day || (_file is null && now >= _retryAt))
            {
                Open(day, now);
            }

            _file?.Write(logEvent);
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _file?.Dispose();
            _file = null;
        }
    }

    private void Open(DateOnly day, DateTimeOffset now)
    {
        _file?.Dispose();
        (_file, _day) = (null, day);
        var path = pathForDay(day);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            _file = new LoggerConfiguration().MinimumLevel.Verbose().WriteTo.File(formatter, path).CreateLogger();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            _retryAt = now + RetryAfter;
            SelfLog.WriteLine("Cannot open the log file {0}: {1}", path, e.Message);
        }
    }
}
