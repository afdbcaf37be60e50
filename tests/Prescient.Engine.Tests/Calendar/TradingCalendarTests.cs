using System.Globalization;
using Prescient.Engine.Calendar;

namespace Prescient.Engine.Tests.Calendar;

public sealed class TradingCalendarTests
{
    private static readonly TradingCalendar LosAngeles = Zone("America/Los_Angeles");

    [Theory]
    [InlineData("2026-11-25T00:00:00Z", "2026-11-25")]
    [InlineData("2026-11-25T23:59:59.9999999Z", "2026-11-25")]
    [InlineData("2026-11-26T00:00:00Z", "2026-11-26")]
    [InlineData("2026-11-26T03:00:00+05:00", "2026-11-25")]
    [InlineData("2026-11-25T20:00:00-05:00", "2026-11-26")]
    public void DayOf_Default_IsTheUtcDate(string instant, string expected)
    {
        Assert.Equal("UTC", TradingCalendar.Utc.ZoneId);
        Assert.Equal(Date(expected), TradingCalendar.Utc.DayOf(Instant(instant)));
    }

    [Theory]
    [InlineData("2026-11-26T02:00:00Z", "2026-11-25")] // 18:00 PST
    [InlineData("2026-11-26T07:59:59Z", "2026-11-25")] // 23:59:59 PST
    [InlineData("2026-11-26T08:00:00Z", "2026-11-26")] // midnight PST
    [InlineData("2026-07-02T01:00:00Z", "2026-07-01")] // 18:00 PDT
    [InlineData("2026-07-02T06:59:59Z", "2026-07-01")] // 23:59:59 PDT
    [InlineData("2026-07-02T07:00:00Z", "2026-07-02")] // midnight PDT
    [InlineData("2026-12-31T23:30:00Z", "2026-12-31")]
    [InlineData("2027-01-01T07:59:59Z", "2026-12-31")] // the year turns 8 hours later than in UTC
    public void DayOf_LosAngelesLateEvening_IsTheLocalDateWhileUtcIsTheNextDay(string instant, string expected) =>
        Assert.Equal(Date(expected), LosAngeles.DayOf(Instant(instant)));

    [Theory]
    [InlineData("2026-03-08T07:59:59Z", "2026-03-07")] // 23:59:59 PST
    [InlineData("2026-03-08T08:00:00Z", "2026-03-08")] // midnight PST
    [InlineData("2026-03-08T09:59:59Z", "2026-03-08")] // 01:59:59 PST, then the clocks jump to 03:00
    [InlineData("2026-03-08T10:00:00Z", "2026-03-08")] // 03:00 PDT
    [InlineData("2026-03-09T02:00:00Z", "2026-03-08")] // 18:00 PDT
    [InlineData("2026-03-09T06:59:59Z", "2026-03-08")] // 23:59:59 PDT: a day of 23 hours
    [InlineData("2026-03-09T07:00:00Z", "2026-03-09")]
    public void DayOf_LosAngelesAroundTheSpringChange_TheShortDayIsOneDate(string instant, string expected) =>
        Assert.Equal(Date(expected), LosAngeles.DayOf(Instant(instant)));

    [Theory]
    [InlineData("2026-11-01T06:59:59Z", "2026-10-31")] // 23:59:59 PDT
    [InlineData("2026-11-01T07:00:00Z", "2026-11-01")] // midnight PDT
    [InlineData("2026-11-01T08:30:00Z", "2026-11-01")] // 01:30 PDT
    [InlineData("2026-11-01T09:30:00Z", "2026-11-01")] // 01:30 PST, the same wall time again
    [InlineData("2026-11-02T02:00:00Z", "2026-11-01")] // 18:00 PST
    [InlineData("2026-11-02T07:59:59Z", "2026-11-01")] // 23:59:59 PST: a day of 25 hours
    [InlineData("2026-11-02T08:00:00Z", "2026-11-02")]
    public void DayOf_LosAngelesAroundTheAutumnChange_TheLongDayIsOneDate(string instant, string expected) =>
        Assert.Equal(Date(expected), LosAngeles.DayOf(Instant(instant)));

    [Theory]
    [InlineData("2026-01-05", "09:00", "2026-01-05T09:00:00Z")]
    [InlineData("2026-01-05", "18:00", "2026-01-05T18:00:00Z")]
    public void At_Default_IsThatUtcTime(string day, string time, string expected) =>
        Assert.Equal(Instant(expected), TradingCalendar.Utc.At(Date(day), Time(time)));

    [Theory]
    [InlineData("2026-03-07", "09:00", "2026-03-07T17:00:00Z")] // PST
    [InlineData("2026-03-07", "18:00", "2026-03-08T02:00:00Z")]
    [InlineData("2026-03-08", "09:00", "2026-03-08T16:00:00Z")] // PDT from 02:00 that day
    [InlineData("2026-03-08", "18:00", "2026-03-09T01:00:00Z")]
    [InlineData("2026-03-08", "02:30", "2026-03-08T10:30:00Z")] // skipped: 03:30 PDT, moved on by the hour the clocks skip
    [InlineData("2026-10-31", "18:00", "2026-11-01T01:00:00Z")] // PDT
    [InlineData("2026-11-01", "01:30", "2026-11-01T08:30:00Z")] // read twice: the first, PDT
    [InlineData("2026-11-01", "09:00", "2026-11-01T17:00:00Z")] // PST from 02:00 that day
    [InlineData("2026-11-01", "18:00", "2026-11-02T02:00:00Z")]
    public void At_LosAngeles_IsTheInstantTheLocalClocksReadThatTime(string day, string time, string expected) =>
        Assert.Equal(Instant(expected), LosAngeles.At(Date(day), Time(time)));

    [Theory]
    [InlineData("America/Los_Angeles")]
    [InlineData("America/New_York")]
    [InlineData("Europe/London")]
    [InlineData("Australia/Sydney")]
    [InlineData("Pacific/Auckland")]
    [InlineData("Asia/Kolkata")]
    [InlineData("Pacific/Chatham")]
    [InlineData("UTC")]
    public void DayOf_MorningAndEveningOfEveryDayOf2026_AreThatDate(string zone)
    {
        var calendar = Zone(zone);
        for (var day = new DateOnly(2026, 1, 1); day.Year == 2026; day = day.AddDays(1))
        {
            var morning = calendar.At(day, new TimeOnly(9, 0));
            var evening = calendar.At(day, new TimeOnly(18, 0));

            Assert.Equal((day, day), (calendar.DayOf(morning), calendar.DayOf(evening)));
            Assert.True(evening > morning, $"{zone} {day:yyyy-MM-dd}: the evening comes after the morning");
        }
    }

    [Fact]
    public void Constructor_NoZone_Throws() =>
        Assert.Throws<ArgumentNullException>(() => new TradingCalendar(null!));

    private static TradingCalendar Zone(string id) => new(TimeZoneInfo.FindSystemTimeZoneById(id));

    private static DateTimeOffset Instant(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);

    private static DateOnly Date(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static TimeOnly Time(string text) => TimeOnly.ParseExact(text, "HH:mm", CultureInfo.InvariantCulture);
}
