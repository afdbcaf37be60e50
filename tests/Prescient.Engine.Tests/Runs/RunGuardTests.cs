using Microsoft.Extensions.Time.Testing;
using Prescient.Engine.Runs;

namespace Prescient.Engine.Tests.Runs;

public sealed class RunGuardTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TryBegin_WhileARunGoes_RefusedUntilItEnds()
    {
        var time = new FakeTimeProvider(Start);
        using var guard = new RunGuard(time);

        var first = guard.TryBegin(RunKinds.Cycle, RunTriggers.Api);
        Assert.NotNull(first);
        Assert.Equal(new RunStarted(RunKinds.Cycle, RunTriggers.Api, Start), guard.Current);
        Assert.Null(guard.TryBegin(RunKinds.EndOfDay, RunTriggers.Api));
        Assert.Null(guard.TryBegin(RunKinds.Cycle, RunTriggers.Api));

        first.Succeeded("3 trades");
        first.Dispose();
        first.Dispose();

        Assert.Null(guard.Current);
        using var second = guard.TryBegin(RunKinds.EndOfDay, RunTriggers.Api);
        Assert.NotNull(second);
    }

    [Fact]
    public async Task BeginAsync_WaitsForTheRunGoing_ThenStarts()
    {
        using var guard = new RunGuard(new FakeTimeProvider(Start));
        var api = guard.TryBegin(RunKinds.Cycle, RunTriggers.Api)!;

        var scheduled = guard.BeginAsync(RunKinds.EndOfDay, RunTriggers.Schedule, CancellationToken.None);
        Assert.False(scheduled.IsCompleted);

        api.Dispose();
        using var lease = await scheduled;
        Assert.Equal(RunKinds.EndOfDay, guard.Current?.Kind);
        Assert.Equal(RunTriggers.Schedule, guard.Current?.Trigger);
    }

    [Fact]
    public void Events_TellEachStartAndEnd_WithTheOutcomeAndTimes()
    {
        var time = new FakeTimeProvider(Start);
        using var guard = new RunGuard(time);
        var seen = new List<object>();
        guard.Started += seen.Add;
        guard.Finished += seen.Add;

        using (var run = guard.TryBegin(RunKinds.Cycle, RunTriggers.Api)!)
        {
            time.Advance(TimeSpan.FromSeconds(12));
            run.Failed("Gamma unreachable");
        }

        using (guard.TryBegin(RunKinds.EndOfDay, RunTriggers.Schedule))
        {
            // Neither outcome recorded: a run that ends without one was cancelled.
        }

        Assert.Equal(
            [
                new RunStarted(RunKinds.Cycle, RunTriggers.Api, Start),
                new RunFinished(RunKinds.Cycle, RunTriggers.Api, false, "Gamma unreachable", Start, Start.AddSeconds(12)),
                new RunStarted(RunKinds.EndOfDay, RunTriggers.Schedule, Start.AddSeconds(12)),
                new RunFinished(RunKinds.EndOfDay, RunTriggers.Schedule, false, "cancelled", Start.AddSeconds(12), Start.AddSeconds(12)),
            ],
            seen);
    }
}
