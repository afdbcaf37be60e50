using System.Globalization;

namespace Prescient.Sample.Universe;

/// <summary>
/// The date formats Gamma really sends. An event's end instant is quantized to its format's unit,
/// so the text parses back to exactly the instant the universe uses.
/// </summary>
internal enum DateFormat
{
    /// <summary><c>2026-02-27T23:33:23Z</c>: whole seconds.</summary>
    IsoSeconds,

    /// <summary><c>2024-12-31T18:51:45.506005Z</c>: whole microseconds.</summary>
    IsoMicroseconds,

    /// <summary><c>2026-02-27</c>: UTC midnights.</summary>
    DateOnly,

    /// <summary><c>2026-03-19 23:20:15+00</c>: whole seconds, Postgres style.</summary>
    Postgres,
}

internal static class DateFormats
{
    public static long UnitTicks(DateFormat format) => format switch
    {
        DateFormat.IsoMicroseconds => 10,
        DateFormat.DateOnly => TimeSpan.TicksPerDay,
        _ => TimeSpan.TicksPerSecond,
    };

    public static long Quantize(long ticks, DateFormat format) => ticks - (ticks % UnitTicks(format));

    public static string Format(DateTimeOffset value, DateFormat format)
    {
        var utc = value.UtcDateTime;
        return format switch
        {
            DateFormat.IsoMicroseconds => utc.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
            DateFormat.DateOnly => utc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateFormat.Postgres => utc.ToString("yyyy-MM-dd HH:mm:ss'+00'", CultureInfo.InvariantCulture),
            _ => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        };
    }
}
