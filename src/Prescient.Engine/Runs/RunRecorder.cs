using Microsoft.Extensions.Logging;

namespace Prescient.Engine.Runs;

/// <summary>
/// Runs a use-case and records it in the <see cref="IRunLog"/>, whatever the outcome: the summary of a
/// success, the error message of a failure (then rethrown). Recording is bookkeeping: a run log that
/// cannot be written is logged and never turns a run's outcome into another.
/// </summary>
public sealed partial class RunRecorder(IRunLog log, TimeProvider time, ILogger<RunRecorder> logger)
{
    public async Task<T> RecordAsync<T>(string kind, Func<CancellationToken, Task<T>> run, Func<T, string> summarize, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(summarize);
        var started = time.GetUtcNow();
        T result;
        try
        {
            result = await run(cancellationToken);
        }
        catch (Exception e)
        {
            var reason = e is OperationCanceledException ? "cancelled" : e.Message;
            if (e is OperationCanceledException)
            {
                LogCancelled(logger, kind);
            }
            else
            {
                LogFailed(logger, kind, reason, e);
            }

            await AppendAsync(new RunRecord(kind, started, time.GetUtcNow(), Succeeded: false, reason));
            throw;
        }

        var summary = summarize(result);
        LogSucceeded(logger, kind, summary);
        await AppendAsync(new RunRecord(kind, started, time.GetUtcNow(), Succeeded: true, summary));
        return result;
    }

    /// <summary>Appends without the run's token: a cancelled run is recorded as such.</summary>
    private async Task AppendAsync(RunRecord record)
    {
        try
        {
            await log.AppendAsync(record, CancellationToken.None);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            LogNotRecorded(logger, record.Kind, e.Message, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {Kind} succeeded: {Summary}")]
    private static partial void LogSucceeded(ILogger logger, string kind, string summary);

    [LoggerMessage(Level = LogLevel.Error, Message = "Run {Kind} failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, string kind, string reason, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {Kind} cancelled")]
    private static partial void LogCancelled(ILogger logger, string kind);

    [LoggerMessage(Level = LogLevel.Error, Message = "Run {Kind} could not be recorded in the run log: {Reason}")]
    private static partial void LogNotRecorded(ILogger logger, string kind, string reason, Exception exception);
}
