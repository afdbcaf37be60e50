using Cronos;

namespace Prescient.Host.Scheduling;

/// <summary>A cron expression read in a time zone: its occurrences as UTC instants, daylight saving time included.</summary>
internal sealed class CronSchedule
{
    private readonly CronExpression _expression;
    private readonly TimeZoneInfo _zone;

    private CronSchedule(CronExpression expression, TimeZoneInfo zone)
    {
        _expression = expression;
        _zone = zone;
    }

    /// <summary>Parses 5 fields, or 6 with seconds first; <see cref="ArgumentException"/> naming <paramref name="key"/> otherwise.</summary>
    public static CronSchedule Parse(string key, string? cron, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var text = cron?.Trim() ?? string.Empty;
        var fields = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        try
        {
            var format = fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard;
            return new CronSchedule(CronExpression.Parse(text, format), zone);
        }
        catch (CronFormatException e)
        {
            throw new ArgumentException($"{key} '{text}' is not a cron expression (5 fields: minute hour day month weekday, e.g. '0 9 * * *'): {e.Message}", e);
        }
    }

    /// <summary>The first occurrence strictly after <paramref name="instant"/>, or null when there is none.</summary>
    public DateTimeOffset? NextAfter(DateTimeOffset instant) =>
        _expression.GetNextOccurrence(instant, _zone)?.ToUniversalTime();

    /// <summary>The latest occurrence from <paramref name="first"/> (itself an occurrence) up to <paramref name="now"/>: one run covers every occurrence missed before it.</summary>
    public DateTimeOffset LatestUpTo(DateTimeOffset first, DateTimeOffset now)
    {
        var latest = first;
        while (NextAfter(latest) is { } next && next <= now)
        {
            latest = next;
        }

        return latest;
    }
}
