using Prescient.Engine.Calendar;

namespace Prescient.Host.Scheduling;

/// <summary>
/// The schedule <c>prescient serve</c> runs. Configuration section "Schedule"; every default below is
/// the documented default. Crons have 5 fields (minute hour day month weekday) or 6 (seconds first),
/// read in <see cref="TimeZone"/>, daylight saving time included. <see cref="TimeZone"/> is also the
/// zone of every day Prescient records (<see cref="CreateCalendar"/>).
/// </summary>
public sealed record ScheduleOptions
{
    public const string SectionName = "Schedule";

    /// <summary>Whether <c>prescient serve</c> runs the schedule. Default true.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>IANA time zone id the crons are read in and the days are dated in (e.g. <c>Europe/Paris</c>). Default <c>UTC</c>.</summary>
    public string TimeZone { get; init; } = "UTC";

    /// <summary>The morning cycle. Default <c>0 9 * * *</c> (09:00 every day).</summary>
    public string CycleCron { get; init; } = "0 9 * * *";

    /// <summary>The end of day. Default <c>0 18 * * *</c> (18:00 every day).</summary>
    public string EndOfDayCron { get; init; } = "0 18 * * *";

    /// <summary>At start, run once a job whose last run is older than its most recent occurrence (missed while down). Default true.</summary>
    public bool CatchUp { get; init; } = true;

    /// <summary>The <see cref="TimeZone"/>; <see cref="ArgumentException"/> naming the key when it is not a known IANA id.</summary>
    public TimeZoneInfo FindTimeZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            throw new ArgumentException($"Schedule:TimeZone '{TimeZone}' is not a known IANA time zone id (e.g. UTC, Europe/Paris, America/New_York).", e);
        }
    }

    /// <summary>The calendar of <see cref="TimeZone"/>: the dates of history rows, archives, daily prices and signal ids; <see cref="ArgumentException"/> as <see cref="FindTimeZone"/>.</summary>
    public TradingCalendar CreateCalendar() => new(FindTimeZone());

    /// <summary>A one-line description of a value out of range, or null when the options are valid.</summary>
    public string? Validate()
    {
        try
        {
            FindTimeZone();
            CronSchedule.Parse("Schedule:CycleCron", CycleCron, TimeZoneInfo.Utc);
            CronSchedule.Parse("Schedule:EndOfDayCron", EndOfDayCron, TimeZoneInfo.Utc);
            return null;
        }
        catch (ArgumentException e)
        {
            return e.Message;
        }
    }
}
