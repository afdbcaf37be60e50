using System.Threading.Channels;
using Prescient.Engine.Extraction;

namespace Prescient.Engine.Refresh;

/// <summary>
/// The events and markets use-cases behind both the CLI and the API, run through the process-wide
/// <see cref="UseCaseGate"/> so concurrent API calls queue.
/// </summary>
public sealed class RefreshService(EventsRefresh events, QuotesRefresh quotes, UseCaseGate gate)
{
    public Task<EventsStageResult> RunEventsAsync(EventsStage stage, IProgress<RefreshProgress>? progress, CancellationToken cancellationToken) =>
        gate.RunAsync(ct => events.RunAsync(stage, progress, ct), cancellationToken);

    public Task<QuotesStageResult> RunQuotesAsync(IProgress<RefreshProgress>? progress, CancellationToken cancellationToken) =>
        gate.RunAsync(ct => quotes.RunAsync(progress, ct), cancellationToken);

    public Task<string> ExportQuotesCsvAsync(CancellationToken cancellationToken) =>
        gate.RunAsync(quotes.ExportCsvAsync, cancellationToken);

    /// <summary>
    /// Phase 0 and 1 in one go: every events file and export, then quotes. The books are fetched
    /// while discovery still runs (each event's quotable markets are handed to quoting as soon as
    /// they are extracted) and while the events files are finished. The outcome is the same as
    /// running the two stages one after the other: the quotes replace their files only after the
    /// events files are committed; a failed discovery or events commit fails the run with its own
    /// error and leaves the quotes files as they were; a failed quote run still commits the events files.
    /// </summary>
    public Task<RefreshResult> RefreshAsync(IProgress<RefreshProgress>? progress, CancellationToken cancellationToken) =>
        gate.RunAsync(
            async ct =>
            {
                var found = Channel.CreateUnbounded<IReadOnlyList<MarketRow>>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
                var committed = new TaskCompletionSource<Task<EventsStageResult>>(TaskCreationOptions.RunContinuationsAsynchronously);
                var quoting = quotes.RunAsync(found.Reader.ReadAllAsync(ct), progress, async () => await await committed.Task, ct);
                PendingEvents pending;
                try
                {
                    pending = await events.DiscoverAsync(EventsStage.All, progress, rows => found.Writer.TryWrite(rows), ct);
                }
                catch (Exception ex)
                {
                    // Quoting fails with the discovery (its markets end in this error) and commits nothing.
                    found.Writer.TryComplete(ex);
                    committed.TrySetException(ex);
                    await Settled(quoting);
                    throw;
                }

                found.Writer.TryComplete();
                await using (pending)
                {
                    var commit = Task.Run(() => pending.CommitAsync(ct), ct);
                    committed.SetResult(commit);
                    QuotesStageResult quotesResult;
                    try
                    {
                        quotesResult = await quoting;
                    }
                    catch
                    {
                        // The events commit goes on to its end (and its own failure, which comes first
                        // in a sequential run, wins) before the quote failure is reported.
                        await commit;
                        throw;
                    }

                    return new RefreshResult(await commit, quotesResult);
                }
            },
            cancellationToken);

    /// <summary>Waits for <paramref name="task"/> to end, whatever its outcome (another error is being reported).</summary>
    internal static async Task Settled(Task task)
    {
        try
        {
            await task;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Moot: the caller throws the error that caused this one.
        }
    }
}
