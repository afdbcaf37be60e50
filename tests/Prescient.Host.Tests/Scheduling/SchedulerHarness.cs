using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Prescient.Engine.Runs;
using Prescient.Host.Scheduling;
using Prescient.Testing.Fakes;

namespace Prescient.Host.Tests.Scheduling;

/// <summary>
/// A <see cref="JobScheduler"/> on a <see cref="FakeTimeProvider"/> with probe jobs that report each
/// start and end (and the fake time they saw) through a channel and record themselves in an in-memory
/// run log. Tests move the clock exactly onto due instants and wait for the reports, never for time.
/// </summary>
internal sealed class SchedulerHarness : IAsyncDisposable
{
    private readonly Channel<JobEvent> _events = Channel.CreateUnbounded<JobEvent>();
    private readonly List<ScheduledJob> _jobs = [];
    private readonly ServiceProvider _services;
    private JobScheduler? _scheduler;

    public SchedulerHarness(DateTimeOffset start)
    {
        Time = new FakeTimeProvider(start);
        Guard = new RunGuard(Time);
        _services = new ServiceCollection()
            .AddSingleton<TimeProvider>(Time)
            .AddSingleton<IRunLog>(Runs)
            .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>))
            .AddSingleton<RunRecorder>()
            .BuildServiceProvider();
    }

    public FakeTimeProvider Time { get; }

    public InMemoryRunLog Runs { get; } = new();

    public SchedulerState State { get; } = new();

    /// <summary>The run guard the scheduler shares with the API: a test holds it to stand for a run started from the dashboard.</summary>
    public RunGuard Guard { get; }

    /// <summary>
    /// Adds a job; <paramref name="body"/> gets the 1-based run number and may block or throw. The end
    /// is reported once the run is in the run log.
    /// </summary>
    public void AddJob(string name, string cron, Func<int, Task>? body = null)
    {
        var runs = 0;
        var recorded = ScheduledJob.Recorded(
            name,
            cron,
            async (_, _) =>
            {
                var run = Interlocked.Increment(ref runs);
                await _events.Writer.WriteAsync(new JobEvent(name, "start", Time.GetUtcNow()));
                await (body?.Invoke(run) ?? Task.CompletedTask);
                return run;
            },
            run => $"run {run}");
        _jobs.Add(recorded with
        {
            Run = async (services, ct) =>
            {
                try
                {
                    return await recorded.Run(services, ct);
                }
                finally
                {
                    await _events.Writer.WriteAsync(new JobEvent(name, "end", Time.GetUtcNow()));
                }
            },
        });
    }

    public Task StartAsync(ScheduleOptions? options = null)
    {
        _scheduler = new JobScheduler(
            _jobs, Options.Create(options ?? new ScheduleOptions()), Runs, _services, State, Guard, Time, NullLogger<JobScheduler>.Instance);
        return _scheduler.StartAsync(CancellationToken.None);
    }

    public Task? Execution => _scheduler?.ExecuteTask;

    /// <summary>Moves the fake clock to <paramref name="instant"/> (never backwards).</summary>
    public void AdvanceTo(DateTimeOffset instant) => Time.Advance(instant - Time.GetUtcNow());

    /// <summary>The next start or end a job reports; fails rather than hang if none comes.</summary>
    public async Task<JobEvent> NextEventAsync() =>
        await _events.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));

    /// <summary>Waits for the next run of any job to start and end; returns the start.</summary>
    public async Task<JobEvent> NextRunAsync()
    {
        var start = await NextEventAsync();
        Assert.Equal("start", start.What);
        var end = await NextEventAsync();
        Assert.Equal((start.Job, "end"), (end.Job, end.What));
        return start;
    }

    public async ValueTask DisposeAsync()
    {
        if (_scheduler is not null)
        {
            await _scheduler.StopAsync(CancellationToken.None);
            _scheduler.Dispose();
        }

        await _services.DisposeAsync();
        Guard.Dispose();
    }
}

internal sealed record JobEvent(string Job, string What, DateTimeOffset At);
