using Prescient.Engine.Storage;

namespace Prescient.Testing.Fakes;

/// <summary>Keeps the last snapshot of each kind in memory and counts writes.</summary>
public sealed class InMemoryMarketDataStore : IMarketDataStore, ICsvExporter
{
    public EventsSnapshot? RawEvents { get; private set; }

    public FilteredEventsSnapshot? FilteredEvents { get; private set; }

    public MarketsSnapshot? Markets { get; set; }

    public QuotesSnapshot? Quotes { get; set; }

    public Dictionary<DateOnly, QuotesSnapshot> DailyPrices { get; } = [];

    public List<string> Exports { get; } = [];

    public int Writes { get; private set; }

    public Task WriteRawEventsAsync(EventsSnapshot snapshot, CancellationToken cancellationToken) => Set(() => RawEvents = snapshot);

    public Task WriteFilteredEventsAsync(FilteredEventsSnapshot snapshot, CancellationToken cancellationToken) => Set(() => FilteredEvents = snapshot);

    public Task WriteMarketsAsync(MarketsSnapshot snapshot, CancellationToken cancellationToken) => Set(() => Markets = snapshot);

    public Task WriteQuotesAsync(QuotesSnapshot snapshot, CancellationToken cancellationToken) => Set(() => Quotes = snapshot);

    public Task<bool> WriteDailyPricesIfMissingAsync(DateOnly day, QuotesSnapshot snapshot, CancellationToken cancellationToken)
    {
        Writes++;
        return Task.FromResult(DailyPrices.TryAdd(day, snapshot));
    }

    public Task<MarketsSnapshot?> ReadMarketsAsync(CancellationToken cancellationToken) => Task.FromResult(Markets);

    public Task<QuotesSnapshot?> ReadQuotesAsync(CancellationToken cancellationToken) => Task.FromResult(Quotes);

    public Task<string> ExportFilteredEventsAsync(FilteredEventsSnapshot snapshot, CancellationToken cancellationToken) => Export("events_filtered.csv");

    public Task<string> ExportExtractedMarketsAsync(MarketsSnapshot snapshot, CancellationToken cancellationToken) => Export("markets_extracted.csv");

    public Task<string> ExportCurrentMarketsAsync(QuotesSnapshot snapshot, CancellationToken cancellationToken) => Export("markets_current.csv");

    public Task<string> ExportFullEventsAsync(EventsSnapshot snapshot, CancellationToken cancellationToken) => Export("events_full.csv");

    private Task Set(Action set)
    {
        set();
        Writes++;
        return Task.CompletedTask;
    }

    private Task<string> Export(string name)
    {
        Exports.Add(name);
        Writes++;
        return Task.FromResult(name);
    }
}
