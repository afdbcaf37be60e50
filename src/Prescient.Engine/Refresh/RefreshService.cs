namespace Prescient.Engine.Refresh;

/// <summary>
/// The events and markets use-cases behind both the CLI and the API. Runs one at a time per
/// process (the data-folder lock keeps other processes out), so concurrent API calls queue.
/// </summary>
public sealed class RefreshService(EventsRefresh events, QuotesRefresh quotes) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public Task<EventsStageResult> RunEventsAsync(EventsStage stage, IProgress<RefreshProgress>? progress, CancellationToken cancellationToken) =>
        Exclusive(ct => events.RunAsync(stage, progress, ct), cancellationToken);

    public Task<QuotesStageResult> RunQuotesAsync(IProgress<RefreshProgress>? progress, CancellationToken cancellationToken) =>
        Exclusive(ct => quotes.RunAsync(progress, ct), cancellationToken);

    public Task<string> ExportQuotesCsvAsync(CancellationToken cancellationToken) =>
        Exclusive(quotes.ExportCsvAsync, cancellationToken);

    /// <summary>Phase 0 and 1 in one go: every events file and export, then quotes.</summary>
    public Task<RefreshResult> RefreshAsync(IProgress<RefreshProgress>? progress, CancellationToken cancellationToken) =>
        Exclusive(
            async ct =>
            {
                var (eventsResult, markets) = await events.RunWithMarketsAsync(EventsStage.All, progress, ct);
                var quotesResult = await quotes.RunAsync(markets, progress, ct);
                return new RefreshResult(eventsResult, quotesResult);
            },
            cancellationToken);

    public void Dispose() => _gate.Dispose();

    private async Task<T> Exclusive<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return await work(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }
}
