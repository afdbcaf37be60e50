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

    /// <summary>Phase 0 and 1 in one go: every events file and export, then quotes.</summary>
    public Task<RefreshResult> RefreshAsync(IProgress<RefreshProgress>? progress, CancellationToken cancellationToken) =>
        gate.RunAsync(
            async ct =>
            {
                var (eventsResult, markets) = await events.RunWithMarketsAsync(EventsStage.All, progress, ct);
                var quotesResult = await quotes.RunAsync(markets, progress, ct);
                return new RefreshResult(eventsResult, quotesResult);
            },
            cancellationToken);
}
