using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Prescient.Bus.Redis;

namespace Prescient.Host.Workers;

/// <summary>
/// <c>prescient worker</c>: takes the messages of its role's streams one at a time, in its consumer
/// group, from any number of workers on any number of machines. A message stays pending until its
/// handler finishes; a worker that dies leaves it pending, and after <see cref="BusOptions.ClaimAfter"/>
/// another claims it and runs it again (handlers are idempotent). A message that fails
/// <see cref="BusOptions.MaxAttempts"/> times goes to the dead letters. Runs until cancelled, or, with
/// <c>untilIdle</c>, until none of its streams holds a message anyone has yet to finish.
/// </summary>
public sealed partial class PipelineWorker(RedisBus bus, PipelineStages stages, IOptions<BusOptions> options, TimeProvider time, ILogger<PipelineWorker> logger)
{
    public async Task<WorkerSummary> RunAsync(WorkerRole role, string consumer, bool untilIdle, CancellationToken cancellationToken)
    {
        var streams = PipelineStages.StreamsOf(role);
        await bus.EnsureGroupsAsync();
        LogStarted(logger, consumer, role, string.Join(", ", streams));
        var counts = new Counts();
        try
        {
            await LoopAsync(role, consumer, streams, untilIdle, counts, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped (Ctrl+C, SIGTERM): a message in hand stays pending, for this or another worker to claim.
            LogStopped(logger, consumer);
        }
        finally
        {
            await bus.GoneAsync(consumer);
        }

        return new WorkerSummary(counts.Handled, counts.Failed, counts.Dead);
    }

    private async Task LoopAsync(WorkerRole role, string consumer, IReadOnlyList<string> streams, bool untilIdle, Counts counts, CancellationToken cancellationToken)
    {
        var beat = long.MinValue;
        while (!cancellationToken.IsCancellationRequested)
        {
            if (beat == long.MinValue || time.GetElapsedTime(beat) >= RedisBus.HeartbeatTtl / 5)
            {
                await bus.HeartbeatAsync(consumer, role.ToString().ToLowerInvariant(), counts.Handled, counts.Failed);
                beat = time.GetTimestamp();
            }

            var worked = false;
            foreach (var stream in streams)
            {
                if (await bus.NextAsync(stream, consumer, options.Value.ClaimAfter) is not { } message)
                {
                    continue;
                }

                worked = true;
                await HandleAsync(message, counts, cancellationToken);
            }

            if (!worked)
            {
                if (untilIdle && await IsIdleAsync(streams))
                {
                    return;
                }

                await Task.Delay(options.Value.PollInterval, time, cancellationToken);
            }
        }
    }

    private async Task HandleAsync(BusMessage message, Counts counts, CancellationToken cancellationToken)
    {
        if (message.Deliveries > options.Value.MaxAttempts)
        {
            await bus.DeadLetterAsync(message, $"failed {message.Deliveries - 1} times");
            LogDead(logger, message.Stream, message.Id, message.Deliveries - 1);
            counts.Dead++;
            return;
        }

        try
        {
            await stages.HandleAsync(message, cancellationToken);
            await bus.AcknowledgeAsync(message);
            counts.Handled++;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Left pending: claimed again after ClaimAfter (by any worker), until MaxAttempts.
            LogFailed(logger, e, message.Stream, message.Id, message.Deliveries, e.Message);
            counts.Failed++;
        }
    }

    /// <summary>No message of <paramref name="streams"/> is unread or pending with any worker.</summary>
    private async Task<bool> IsIdleAsync(IReadOnlyList<string> streams)
    {
        var status = await bus.StatusAsync();
        return status.Stages.Where(s => streams.Contains(s.Stream)).All(s => s.Lag == 0 && s.Pending == 0);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Worker {Consumer} ({Role}) reading {Streams}")]
    private static partial void LogStarted(ILogger logger, string consumer, WorkerRole role, string streams);

    [LoggerMessage(Level = LogLevel.Information, Message = "Worker {Consumer} stopped on request")]
    private static partial void LogStopped(ILogger logger, string consumer);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Stream} {Id} failed on delivery {Deliveries}: {Problem}; left pending for a retry")]
    private static partial void LogFailed(ILogger logger, Exception exception, string stream, string id, long deliveries, string problem);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Stream} {Id} failed {Attempts} times: moved to the dead letters")]
    private static partial void LogDead(ILogger logger, string stream, string id, long attempts);
}

/// <summary>A worker's running counts.</summary>
internal sealed class Counts
{
    public int Handled { get; set; }

    public int Failed { get; set; }

    public int Dead { get; set; }
}

/// <summary>What a worker did before it stopped: messages handled, failed attempts, messages moved to the dead letters.</summary>
public sealed record WorkerSummary(int Handled, int Failed, int DeadLettered);
