namespace Prescient.Engine.Storage;

/// <summary>
/// The JSON files (and their CSV companions) of the events and quotes stages. A run streams into a
/// writer; nothing replaces the current files until the writer commits, and each file is then
/// replaced atomically, so a failed or cancelled run leaves the previous files intact.
/// </summary>
public interface IMarketDataStore
{
    Task<IEventsWriter> BeginEventsAsync(EventsRun run, CancellationToken cancellationToken);

    Task<IQuotesWriter> BeginQuotesAsync(QuotesRun run, CancellationToken cancellationToken);

    /// <summary>The extracted markets last written, or null when there are none yet.</summary>
    Task<MarketsSnapshot?> ReadMarketsAsync(CancellationToken cancellationToken);

    /// <summary>The quotes last written, or null when there are none yet.</summary>
    Task<QuotesSnapshot?> ReadQuotesAsync(CancellationToken cancellationToken);
}
