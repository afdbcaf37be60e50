using Prescient.Engine.Storage;

namespace Prescient.Engine.Refresh;

/// <summary>
/// An events run discovered and written to temporary files but not committed yet: the previous
/// files are still in place until <see cref="CommitAsync"/>, and disposing without a commit deletes
/// the temporary files. Lets a refresh go on quoting while the events files are being finished.
/// </summary>
internal sealed class PendingEvents(
    IEventsWriter writer,
    Func<IReadOnlyList<string>, EventsStageResult> complete) : IAsyncDisposable
{
    /// <summary>Finishes every file and replaces the previous ones; the result's duration ends here.</summary>
    public async Task<EventsStageResult> CommitAsync(CancellationToken cancellationToken)
    {
        var files = await writer.CommitAsync(cancellationToken).ConfigureAwait(false);
        return complete(files);
    }

    public ValueTask DisposeAsync() => writer.DisposeAsync();
}
