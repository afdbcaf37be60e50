using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Prescient.Engine.Runs;
using Prescient.Engine.Status;
using Prescient.Host.Scheduling;

namespace Prescient.Host.Tests.Scheduling;

public sealed class ScheduleTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    private static DateTimeOffset Utc(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    [Fact]
    public void NextAfter_TimeInTheSpringGap_FiresOnceAtTheEndOfTheGap()
    {
        var schedule = CronSchedule.Parse("test", "30 2 * * *", NewYork);

        var gapDay = schedule.NextAfter(Utc("2026-03-08T00:00:00Z"));
        var dayAfter = schedule.NextAfter(gapDay!.Value);

        Assert.Equal(Utc("2026-03-08T07:00:00Z"), gapDay);
        Assert.Equal(Utc("2026-03-09T06:30:00Z"), dayAfter);
    }

    [Fact]
    public void NextAfter_TimeInTheRepeatedAutumnHour_FiresOnce()
    {
        var schedule = CronSchedule.Parse("test", "30 1 * * *", NewYork);

        var first = schedule.NextAfter(Utc("2026-11-01T00:00:00Z"));
        var next = schedule.NextAfter(first!.Value);

        Assert.Equal(Utc("2026-11-01T05:30:00Z"), first);
        Assert.Equal(Utc("2026-11-02T06:30:00Z"), next);
    }

    [Fact]
    public void Parse_SixFields_ReadsSecondsFirst()
    {
        var schedule = CronSchedule.Parse("test", "15 0 9 * * *", TimeZoneInfo.Utc);

        Assert.Equal(Utc("2026-03-02T09:00:15Z"), schedule.NextAfter(Utc("2026-03-02T08:00:00Z")));
    }

    [Fact]
    public void LatestUpTo_SeveralMissed_IsTheLastOneNotAfterNow()
    {
        var schedule = CronSchedule.Parse("test", "0 9 * * *", TimeZoneInfo.Utc);

        Assert.Equal(Utc("2026-03-04T09:00:00Z"), schedule.LatestUpTo(Utc("2026-03-01T09:00:00Z"), Utc("2026-03-04T12:00:00Z")));
    }

    [Fact]
    public void Defaults_AreTheDocumentedOnesAndValid()
    {
        var options = new ScheduleOptions();

        Assert.Equal((true, "UTC", "0 9 * * *", "0 18 * * *", true), (options.Enabled, options.TimeZone, options.CycleCron, options.EndOfDayCron, options.CatchUp));
        Assert.Null(options.Validate());
    }

    [Theory]
    [InlineData("Mars/Olympus", "0 9 * * *", "0 18 * * *", "Schedule:TimeZone")]
    [InlineData("UTC", "every morning", "0 18 * * *", "Schedule:CycleCron")]
    [InlineData("UTC", "0 9 * * *", "0 25 * * *", "Schedule:EndOfDayCron")]
    [InlineData("UTC", "", "0 18 * * *", "Schedule:CycleCron")]
    public void Validate_BadValue_NamesTheKey(string zone, string cycle, string endOfDay, string key)
    {
        var problem = new ScheduleOptions { TimeZone = zone, CycleCron = cycle, EndOfDayCron = endOfDay }.Validate();

        Assert.NotNull(problem);
        Assert.StartsWith(key, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_NotServing_NextRunOfEachJobFromItsCronInTheZone()
    {
        using var services = Services(new() { ["Schedule:TimeZone"] = "Europe/Paris", ["Schedule:CycleCron"] = "0 7 * * 1-5" });
        var schedule = services.GetRequiredService<IRunSchedule>();

        var status = schedule.Describe(Utc("2026-03-06T10:00:00Z"));

        Assert.Equal((true, false, "Europe/Paris"), (status.Enabled, status.Active, status.TimeZone));
        var cycle = Assert.Single(status.Next, n => n.Kind == RunKinds.Cycle);
        Assert.Equal(("0 7 * * 1-5", Utc("2026-03-09T06:00:00Z")), (cycle.Cron, cycle.At));
        var endOfDay = Assert.Single(status.Next, n => n.Kind == RunKinds.EndOfDay);
        Assert.Equal(("0 18 * * *", Utc("2026-03-06T17:00:00Z")), (endOfDay.Cron, endOfDay.At));
    }

    [Fact]
    public void Describe_Disabled_NoNextRun()
    {
        using var services = Services(new() { ["Schedule:Enabled"] = "false" });

        var status = services.GetRequiredService<IRunSchedule>().Describe(Utc("2026-03-06T10:00:00Z"));

        Assert.False(status.Enabled);
        Assert.All(status.Next, n => Assert.Null(n.At));
    }

    [Fact]
    public void AddPrescientSchedule_BadSettings_FailOnFirstUseWithTheKey()
    {
        using var services = Services(new() { ["Schedule:TimeZone"] = "Nowhere/Land" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<ScheduleOptions>>().Value);

        Assert.Contains("Schedule:TimeZone 'Nowhere/Land'", error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings) =>
        new ServiceCollection()
            .AddPrescientSchedule(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .BuildServiceProvider();
}
