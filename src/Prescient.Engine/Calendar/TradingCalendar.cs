namespace Prescient.Engine.Calendar;

/// <summary>
/// What "a day" is: the calendar date in one time zone, the schedule's (<c>Schedule:TimeZone</c>, UTC
/// by default). History rows, the signals archive and its month, the daily prices files, signal ids,
/// the end of day's once-a-day check and the performance's trades per date all take their date from
/// here, so the morning cycle and the evening end of day of one local day share a date whatever the
/// UTC offset, and a daylight saving change neither repeats nor skips a date.
/// </summary>
public sealed class TradingCalendar
{
    public TradingCalendar(TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        Zone = zone;
    }

    /// <summary>The default: days are UTC dates.</summary>
    public static TradingCalendar Utc { get; } = new(TimeZoneInfo.Utc);

    public TimeZoneInfo Zone { get; }

    /// <summary>The zone's id as configured (an IANA id such as <c>UTC</c> or <c>America/Los_Angeles</c>).</summary>
    public string ZoneId => Zone.Id;

    /// <summary>The date in the zone at <paramref name="instant"/>: 2026-11-26T02:00Z is 2026-11-25 in Los Angeles.</summary>
    public DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    /// <summary>
    /// The instant (UTC) the zone's clocks read <paramref name="time"/> on <paramref name="day"/>. As
    /// NodaTime's lenient rule: a time the clocks skip (spring forward) moves on by the length of the
    /// gap, and a time they read twice (autumn) is the first of the two.
    /// </summary>
    public DateTimeOffset At(DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time);
        var offset = Zone.IsInvalidTime(local) ? Zone.GetUtcOffset(local.AddDays(-1))
            : Zone.IsAmbiguousTime(local) ? Zone.GetAmbiguousTimeOffsets(local).Max()
            : Zone.GetUtcOffset(local);
        return new DateTimeOffset(local.Ticks - offset.Ticks, TimeSpan.Zero);
    }

    public override string ToString() => ZoneId;
}
