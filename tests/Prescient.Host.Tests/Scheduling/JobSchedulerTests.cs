using System.Globalization;
using Prescient.Engine.Runs;
using Prescient.Host.Scheduling;

namespace Prescient.Host.Tests.Scheduling;

public sealed class JobSchedulerTests
{
    private static DateTimeOffset Utc(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    [Fact]
    public async Task Run_ParisZoneInWinter_FiresAt0900LocalThatIs0800Utc()
    {
        await using var scheduler = new SchedulerHarness(Utc("2026-01-15T00:00:00Z"));
        scheduler.AddJob(RunKinds.Cycle, "0 9 * * *");
        await scheduler.StartAsync(new ScheduleOptions { TimeZone = "Europe/Paris" });

        scheduler.AdvanceTo(Utc("2026-01-15T07:59:00Z"));
        scheduler.AdvanceTo(Utc("2026-01-15T08:00:00Z"));
        var first = await scheduler.NextRunAsync();
        scheduler.AdvanceTo(Utc("2026-01-16T08:00:00Z"));
        var second = await scheduler.NextRunAsync();

        Assert.Equal([Utc("2026-01-15T08:00:00Z"), Utc("2026-01-16T08:00:00Z")], [first.At, second.At]);
        Assert.Equal([true, true], scheduler.Runs.Records.Select(r => r.Succeeded));
    }

    [Theory]
    [InlineData("2026-03-07T00:00:00Z", "2026-03-07T14:00:00Z", "2026-03-08T13:00:00Z")]
    [InlineData("2026-10-31T00:00:00Z", "2026-10-31T13:00:00Z", "2026-11-01T14:00:00Z")]
    public async Task Run_NewYorkAcrossADaylightSavingChange_StaysAt0900Local(string start, string before, string after)
    {
        await using var scheduler = new SchedulerHarness(Utc(start));
        scheduler.AddJob(RunKinds.Cycle, "0 9 * * *");
        await scheduler.StartAsync(new ScheduleOptions { TimeZone = "America/New_York" });

        scheduler.AdvanceTo(Utc(before));
        var first = await scheduler.NextRunAsync();
        scheduler.AdvanceTo(Utc(after));
        var second = await scheduler.NextRunAsync();

        Assert.Equal([Utc(before), Utc(after)], [first.At, second.At]);
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        Assert.All([first, second], run => Assert.Equal(9, TimeZoneInfo.ConvertTime(run.At, zone).Hour));
    }

    [Fact]
    public async Task Run_DueWhileARunFromTheApiGoes_StartsWhenItEnds_HoldingTheGuardAsTheSchedule()
    {
        await using var scheduler = new SchedulerHarness(Utc("2026-03-02T08:00:00Z"));
        RunStarted? seenByJob = null;
        scheduler.AddJob(RunKinds.Cycle, "0 9 * * *", _ =>
        {
            seenByJob = scheduler.Guard.Current;
            return Task.CompletedTask;
        });
        var finished = new List<RunFinished>();
        var cycleEnded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        scheduler.Guard.Finished += f =>
        {
            finished.Add(f);
            if (f.Kind == RunKinds.Cycle)
            {
                cycleEnded.TrySetResult();
            }
        };
        await scheduler.StartAsync();
        var api = scheduler.Guard.TryBegin(RunKinds.EndOfDay, RunTriggers.Api)!;

        scheduler.AdvanceTo(Utc("2026-03-02T09:00:00Z"));
        api.Succeeded("day closed");
        api.Dispose();
        var run = await scheduler.NextRunAsync();
        await cycleEnded.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(Utc("2026-03-02T09:00:00Z"), run.At);
        Assert.Equal(new RunStarted(RunKinds.Cycle, RunTriggers.Schedule, Utc("2026-03-02T09:00:00Z")), seenByJob);
        Assert.Equal([RunKinds.EndOfDay, RunKinds.Cycle], finished.Select(f => f.Kind));
        Assert.Equal((true, "run 1"), (finished[1].Succeeded, finished[1].Summary));
    }

    [Fact]
    public async Task Start_RunsMissedWhileDownForDays_CatchesUpOnceThenKeepsTheSchedule()
    {
        await using var scheduler = new SchedulerHarness(Utc("2026-03-02T10:00:00Z"));
        await scheduler.Runs.AppendAsync(Record(Utc("2026-02-27T09:00:00Z")), CancellationToken.None);
        scheduler.AddJob(RunKinds.Cycle, "0 9 * * *");

        await scheduler.StartAsync();
        var catchUp = await scheduler.NextRunAsync();
        scheduler.AdvanceTo(Utc("2026-03-03T09:00:00Z"));
        var next = await scheduler.NextRunAsync();

        Assert.Equal([Utc("2026-03-02T10:00:00Z"), Utc("2026-03-03T09:00:00Z")], [catchUp.At, next.At]);
        Assert.Equal(3, scheduler.Runs.Records.Count);
    }

    [Theory]
    [InlineData(false, "2026-03-01T09:00:00Z")]
    [InlineData(true, null)]
    [InlineData(true, "2026-03-02T09:30:00Z")]
    public async Task Start_NothingToCatchUp_FirstRunIsTheNextOccurrence(bool catchUp, string? lastRun)
    {
        await using var scheduler = new SchedulerHarness(Utc("2026-03-02T10:00:00Z"));
        if (lastRun is not null)
        {
            await scheduler.Runs.AppendAsync(Record(Utc(lastRun)), CancellationToken.None);
        }

        scheduler.AddJob(RunKinds.Cycle, "0 9 * * *");

        await scheduler.StartAsync(new ScheduleOptions { CatchUp = catchUp });
        scheduler.AdvanceTo(Utc("2026-03-03T09:00:00Z"));
        var first = await scheduler.NextRunAsync();

        Assert.Equal(Utc("2026-03-03T09:00:00Z"), first.At);
    }

    [Fact]
    public async Task Run_JobDueWhileAnotherRuns_StartsOnlyWhenThatOneEnds()
    {
        await using var scheduler = new SchedulerHarness(Utc("2026-03-02T08:00:00Z"));
        var release = new TaskCompletionSource();
        scheduler.AddJob(RunKinds.Cycle, "0 9 * * *", _ => release.Task);
        scheduler.AddJob(RunKinds.EndOfDay, "30 9 * * *");
        await scheduler.StartAsync();

        scheduler.AdvanceTo(Utc("2026-03-02T09:00:00Z"));
        var cycleStart = await scheduler.NextEventAsync();
        scheduler.AdvanceTo(Utc("2026-03-02T09:30:00Z"));
        Assert.Equal(RunKinds.Cycle, scheduler.State.Running);
        release.SetResult();
        var events = new[] { await scheduler.NextEventAsync(), await scheduler.NextEventAsync(), await scheduler.NextEventAsync() };

        Assert.Equal((RunKinds.Cycle, "start", Utc("2026-03-02T09:00:00Z")), (cycleStart.Job, cycleStart.What, cycleStart.At));
        Assert.Equal(
            [(RunKinds.Cycle, "end"), (RunKinds.EndOfDay, "start"), (RunKinds.EndOfDay, "end")],
            events.Select(e => (e.Job, e.What)));
        Assert.Equal(Utc("2026-03-02T09:30:00Z"), events[1].At);
    }

    [Fact]
    public async Task Run_OccurrencesPassWhileTheJobRuns_NoOverlapAndOneRunCoversThem()
    {
        await using var scheduler = new SchedulerHarness(Utc("2026-03-02T08:59:30Z"));
        var release = new TaskCompletionSource();
        scheduler.AddJob(RunKinds.Cycle, "* * * * *", run => run == 1 ? release.Task : Task.CompletedTask);
        await scheduler.StartAsync();

        scheduler.AdvanceTo(Utc("2026-03-02T09:00:00Z"));
        var first = await scheduler.NextEventAsync();
        scheduler.AdvanceTo(Utc("2026-03-02T09:03:00Z"));
        release.SetResult();
        var firstEnd = await scheduler.NextEventAsync();
        var second = await scheduler.NextRunAsync();
        scheduler.AdvanceTo(Utc("2026-03-02T09:04:00Z"));
        var third = await scheduler.NextRunAsync();

        Assert.Equal(("start", "end"), (first.What, firstEnd.What));
        Assert.Equal(
            [Utc("2026-03-02T09:00:00Z"), Utc("2026-03-02T09:03:00Z"), Utc("2026-03-02T09:04:00Z")],
            [first.At, second.At, third.At]);
        Assert.Equal(3, scheduler.Runs.Records.Count);
    }

    [Fact]
    public async Task Run_JobFails_FailureRecordedAndTheNextRunGoesOn()
    {
        await using var scheduler = new SchedulerHarness(Utc("2026-03-02T08:00:00Z"));
        scheduler.AddJob(RunKinds.Cycle, "0 9 * * *", run => run == 1 ? throw new InvalidOperationException("Gamma unreachable") : Task.CompletedTask);
        await scheduler.StartAsync();

        scheduler.AdvanceTo(Utc("2026-03-02T09:00:00Z"));
        await scheduler.NextRunAsync();
        scheduler.AdvanceTo(Utc("2026-03-03T09:00:00Z"));
        var second = await scheduler.NextRunAsync();

        Assert.Equal(Utc("2026-03-03T09:00:00Z"), second.At);
        Assert.Equal(
            [(false, "Gamma unreachable"), (true, "run 2")],
            scheduler.Runs.Records.Select(r => (r.Succeeded, r.Summary)));
        Assert.False(scheduler.Execution!.IsCompleted);
    }

    [Fact]
    public async Task Start_Disabled_EndsAtOnceWithoutRunning()
    {
        await using var scheduler = new SchedulerHarness(Utc("2026-03-02T10:00:00Z"));
        await scheduler.Runs.AppendAsync(Record(Utc("2026-03-01T09:00:00Z")), CancellationToken.None);
        scheduler.AddJob(RunKinds.Cycle, "0 9 * * *");

        await scheduler.StartAsync(new ScheduleOptions { Enabled = false });
        await scheduler.Execution!.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(scheduler.Execution.IsCompletedSuccessfully);
        Assert.False(scheduler.State.Active);
        Assert.Single(scheduler.Runs.Records);
    }

    [Fact]
    public async Task State_WhileServing_ReportsThePlannedNextRun()
    {
        await using var scheduler = new SchedulerHarness(Utc("2026-03-02T10:00:00Z"));
        scheduler.AddJob(RunKinds.Cycle, "0 9 * * *");

        await scheduler.StartAsync(new ScheduleOptions { TimeZone = "Europe/Paris" });

        Assert.True(scheduler.State.Active);
        Assert.True(scheduler.State.TryGetNext(RunKinds.Cycle, out var next));
        Assert.Equal(Utc("2026-03-03T08:00:00Z"), next);
    }

    private static RunRecord Record(DateTimeOffset startedAt) => new(RunKinds.Cycle, startedAt, startedAt.AddMinutes(1), true, "earlier run");
}
