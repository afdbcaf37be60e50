namespace Prescient.Engine.Storage;

/// <summary>
/// The JSON files of the events and markets stages. Every write replaces its file atomically, so a
/// reader (or a crash) never sees a half-written file.
/// </summary>
public interface IMarketDataStore
{
    Task WriteRawEventsAsync(EventsSnapshot snapshot, CancellationToken cancellationToken);

    Task WriteFilteredEventsAsync(FilteredEventsSnapshot snapshot, CancellationToken cancellationToken);

    Task WriteMarketsAsync(MarketsSnapshot snapshot, CancellationToken cancellationToken);

    Task WriteQuotesAsync(QuotesSnapshot snapshot, CancellationToken cancellationToken);

    /// <summary>Writes <c>markets/daily_prices_YYYY-MM-DD.json</c> for <paramref name="day"/> unless it exists; true when written.</summary>
    Task<bool> WriteDailyPricesIfMissingAsync(DateOnly day, QuotesSnapshot snapshot, CancellationToken cancellationToken);

    /// <summary>The extracted markets last written, or null when there are none yet.</summary>
    Task<MarketsSnapshot?> ReadMarketsAsync(CancellationToken cancellationToken);

    /// <summary>The quotes last written, or null when there are none yet.</summary>
    Task<QuotesSnapshot?> ReadQuotesAsync(CancellationToken cancellationToken);
}
