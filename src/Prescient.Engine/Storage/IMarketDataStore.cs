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

    /// <summary>
    /// The kept events last written (<c>events/filtered_events.json</c>), upstream objects as stored, or
    /// null when there are none yet. Mapping them back to events is an <see cref="Markets.IEventParser"/>'s job.
    /// </summary>
    Task<StoredFilteredEvents?> ReadFilteredEventsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Writes <c>markets/daily_prices_YYYY-MM-DD.json</c> for the trading day (the date in the schedule's time zone, UTC by default) of <paramref name="quotes"/>'
    /// generation time from those quotes, unless that file exists (it is never replaced); returns the
    /// path written, or null when the day's file was already there.
    /// </summary>
    Task<string?> WriteDailyPricesAsync(QuotesSnapshot quotes, CancellationToken cancellationToken);
}
