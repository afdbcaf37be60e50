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
    /// while the events files are finished (the full export's second pass, the flushes to disk);
    /// the outcome is the same as running the two stages one after the other: the quotes replace
    /// their files only after the events files are committed, a failed events commit leaves the
    /// quotes files as they were, and a failed quote run still commits the events files.
    /// </summary>
    public Task<RefreshResult> RefreshAsync(IProgress<RefreshProgress>? progress, CancellationToken cancellationToken) =>
        gate.RunAsync(
            async ct =>
            {
                await using var pending = await events.DiscoverAsync(EventsStage.All, progress, ct);
                var commit = Task.Run(() => pending.CommitAsync(ct), ct);
                QuotesStageResult quotesResult;
                try
                {
                    quotesResult = await quotes.RunAsync(pending.Quotable, progress, () => commit, ct);
                }
                catch
                {
                    // The events commit goes on to its end (and its own failure, which comes first
                    // in a sequential run, wins) before the quote failure is reported.
                    await commit;
                    throw;
                }

                return new RefreshResult(await commit, quotesResult);
            },
            cancellationToken);
}
