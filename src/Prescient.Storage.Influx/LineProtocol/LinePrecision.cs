namespace Prescient.Storage.Influx.LineProtocol;

/// <summary>The unit of a line's timestamp, as InfluxDB 1.x's <c>/write?precision=</c> names it.</summary>
public enum LinePrecision
{
    Seconds,
    Milliseconds,
    Microseconds,
    Nanoseconds,
}

internal static class LinePrecisionExtensions
{
    /// <summary>The <c>precision</c> query parameter: s, ms, u or ns.</summary>
    public static string QueryValue(this LinePrecision precision) => precision switch
    {
        LinePrecision.Seconds => "s",
        LinePrecision.Milliseconds => "ms",
        LinePrecision.Microseconds => "u",
        LinePrecision.Nanoseconds => "ns",
        _ => throw new ArgumentOutOfRangeException(nameof(precision), precision, "Seconds, Milliseconds, Microseconds or Nanoseconds"),
    };

    /// <summary>Whole units since the Unix epoch (UTC), rounded toward the past.</summary>
    public static long Since1970(this LinePrecision precision, DateTimeOffset at)
    {
        var ticks = at.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        return precision switch
        {
            LinePrecision.Seconds => FloorDiv(ticks, TimeSpan.TicksPerSecond),
            LinePrecision.Milliseconds => FloorDiv(ticks, TimeSpan.TicksPerMillisecond),
            LinePrecision.Microseconds => FloorDiv(ticks, TimeSpan.TicksPerMicrosecond),

            // InfluxDB's own range (years 1677 to 2262) fits in a long of nanoseconds.
            LinePrecision.Nanoseconds => unchecked(ticks * TimeSpan.NanosecondsPerTick),
            _ => throw new ArgumentOutOfRangeException(nameof(precision), precision, "Seconds, Milliseconds, Microseconds or Nanoseconds"),
        };
    }

    private static long FloorDiv(long value, long unit) => (value / unit) - (value % unit < 0 ? 1 : 0);
}
