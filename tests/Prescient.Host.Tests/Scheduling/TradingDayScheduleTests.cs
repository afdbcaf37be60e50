using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Prescient.Engine;
using Prescient.Engine.Calendar;
using Prescient.Host.Scheduling;

namespace Prescient.Host.Tests.Scheduling;

/// <summary>The days Prescient records are the schedule's: its calendar is the one the engine gets, and its crons fall one run per date.</summary>
public sealed class TradingDayScheduleTests
{
    [Fact]
    public void AddPrescientSchedule_NoTimeZone_TheEngineGetsTheUtcCalendar()
    {
        using var services = Services([]);

        Assert.Equal("UTC", services.GetRequiredService<TradingCalendar>().ZoneId);
    }

    [Fact]
    public void AddPrescientSchedule_TimeZone_ReplacesTheEnginesUtcCalendar()
    {
        using var services = Services(new() { ["Schedule:TimeZone"] = "America/Los_Angeles" });

        var calendar = services.GetRequiredService<TradingCalendar>();

        Assert.Equal("America/Los_Angeles", calendar.ZoneId);
        Assert.Equal(new DateOnly(2026, 11, 25), calendar.DayOf(new DateTimeOffset(2026, 11, 26, 2, 0, 0, TimeSpan.Zero)));
        Assert.Single(services.GetServices<TradingCalendar>());
    }

    [Fact]
    public void AddPrescientSchedule_UnknownTimeZone_TheCalendarFailsWithTheKey()
    {
        using var services = Services(new() { ["Schedule:TimeZone"] = "Mars/Olympus" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<TradingCalendar>());

        Assert.Contains("Schedule:TimeZone 'Mars/Olympus' is not a known IANA time zone id", error.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Every occurrence of the default crons over 2026 and into 2027, both daylight saving changes
    /// included: each end of day is on its own date, the dates follow one another without a gap, and
    /// the morning cycle of each date is on that date too.
    /// </summary>
    [Theory]
    [InlineData("America/Los_Angeles")]
    [InlineData("America/New_York")]
    [InlineData("Europe/London")]
    [InlineData("Australia/Sydney")]
    [InlineData("Pacific/Auckland")]
    [InlineData("UTC")]
    public void DefaultCrons_AYearInTheZone_OneEndOfDayPerDateNoneTwiceNoneSkipped(string zone)
    {
        var options = new ScheduleOptions { TimeZone = zone };
        var calendar = options.CreateCalendar();
        var cycle = CronSchedule.Parse("cycle", options.CycleCron, options.FindTimeZone());
        var endOfDay = CronSchedule.Parse("end_of_day", options.EndOfDayCron, options.FindTimeZone());
        var from = DateTimeOffset.Parse("2026-01-01T12:00:00Z", CultureInfo.InvariantCulture);

        var evenings = Occurrences(endOfDay, from, 400).Select(calendar.DayOf).ToArray();
        var mornings = Occurrences(cycle, from, 400).Select(calendar.DayOf).ToArray();

        Assert.Equal(Enumerable.Range(0, 400).Select(i => evenings[0].AddDays(i)), evenings);
        Assert.Equal(evenings.Length, evenings.Distinct().Count());
        Assert.Equal(evenings.Skip(1), mornings.SkipWhile(d => d <= evenings[0]).Take(399));
    }

    private static IEnumerable<DateTimeOffset> Occurrences(CronSchedule schedule, DateTimeOffset from, int count)
    {
        var at = from;
        for (var i = 0; i < count; i++)
        {
            at = schedule.NextAfter(at)!.Value;
            yield return at;
        }
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings) =>
        new ServiceCollection()
            .AddPrescientEngine()
            .AddPrescientSchedule(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .BuildServiceProvider();
}
