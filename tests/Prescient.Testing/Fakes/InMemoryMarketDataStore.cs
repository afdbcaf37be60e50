using Prescient.Domain.History;
using Prescient.Domain.Markets;
using Prescient.Domain.Trading;
using Prescient.Engine.Calendar;
using Prescient.Engine.Extraction;
using Prescient.Engine.Performance;
using Prescient.Engine.Quotes;
using Prescient.Engine.Storage;

namespace Prescient.Testing.Fakes;

/// <summary>
/// Keeps the last committed run of each kind in memory, like the file store keeps the last files:
/// a writer disposed without commit changes nothing.
/// </summary>
public sealed class InMemoryMarketDataStore : IMarketDataStore, ICsvExporter
{
    public IReadOnlyList<MarketEvent>? RawEvents { get; private set; }

    public IReadOnlyList<MarketEvent>? FilteredEvents { get; private set; }

    public EventsRun? LastEventsRun { get; private set; }

    public MarketsSnapshot? Markets { get; set; }

    public QuotesSnapshot? Quotes { get; set; }

    /// <summary>The daily prices by trading day, dated in <see cref="Calendar"/> as the file store dates its files.</summary>
    public Dictionary<DateOnly, QuotesSnapshot> DailyPrices { get; } = [];

    /// <summary>The calendar the daily prices are dated in. Default UTC.</summary>
    public TradingCalendar Calendar { get; init; } = TradingCalendar.Utc;

    public List<string> Exports { get; } = [];

    public int Commits { get; private set; }

    /// <summary>Awaited as an events run begins, before its writer exists: a test holds the files back, or fails them, here.</summary>
    public Func<Task>? BeforeEventsBegin { get; set; }

    public async Task<IEventsWriter> BeginEventsAsync(EventsRun run, CancellationToken cancellationToken)
    {
        if (BeforeEventsBegin is not null)
        {
            await BeforeEventsBegin();
        }

        return new EventsWriter(this, run);
    }

    public Task<IQuotesWriter> BeginQuotesAsync(QuotesRun run, CancellationToken cancellationToken) =>
        Task.FromResult<IQuotesWriter>(new QuotesWriter(this, run));

    public Task<MarketsSnapshot?> ReadMarketsAsync(CancellationToken cancellationToken) => Task.FromResult(Markets);

    public Task<QuotesSnapshot?> ReadQuotesAsync(CancellationToken cancellationToken) => Task.FromResult(Quotes);

    /// <summary>The kept events of the last committed events run, their upstream objects as stored.</summary>
    public Task<StoredFilteredEvents?> ReadFilteredEventsAsync(CancellationToken cancellationToken) =>
        Task.FromResult(FilteredEvents is { } kept && LastEventsRun is { } run
            ? new StoredFilteredEvents(run.GeneratedAt, run.Source, run.Filters, kept.Select(e => e.Raw).ToArray())
            : null);

    public Task<string?> WriteDailyPricesAsync(QuotesSnapshot quotes, CancellationToken cancellationToken)
    {
        var day = Calendar.DayOf(quotes.GeneratedAt);
        return Task.FromResult(DailyPrices.TryAdd(day, quotes) ? $"daily_prices_{day:yyyy-MM-dd}.json" : null);
    }

    public Task<string> ExportFilteredEventsAsync(FilteredEventsSnapshot snapshot, CancellationToken cancellationToken)
    {
        ExportedFilteredEvents = snapshot;
        return Export("events_filtered.csv");
    }

    public Task<string> ExportExtractedMarketsAsync(MarketsSnapshot snapshot, CancellationToken cancellationToken) => Export("markets_extracted.csv");

    public Task<string> ExportCurrentMarketsAsync(QuotesSnapshot snapshot, CancellationToken cancellationToken) => Export("markets_current.csv");

    public Task<string> ExportFullEventsAsync(EventsSnapshot snapshot, CancellationToken cancellationToken) => Export("events_full.csv");

    public Task<string> ExportSignalsAsync(SignalsSnapshot snapshot, CancellationToken cancellationToken) => Export("signals_current.csv");

    public Task<string> ExportTradesAsync(IReadOnlyList<Trade> trades, CancellationToken cancellationToken) => Export("trades_summary.csv");

    public Task<string> ExportPositionsAsync(PortfolioSnapshot snapshot, CancellationToken cancellationToken) => Export("positions_current.csv");

    /// <summary>The rows given to the last <see cref="ExportPortfolioHistoryAsync"/>.</summary>
    public IReadOnlyList<PortfolioDay>? ExportedHistory { get; private set; }

    /// <summary>The rows given to the last <see cref="ExportPerformanceAsync"/>.</summary>
    public IReadOnlyList<PerformanceDay>? ExportedPerformance { get; private set; }

    /// <summary>The events given to the last <see cref="ExportFilteredEventsAsync"/>.</summary>
    public FilteredEventsSnapshot? ExportedFilteredEvents { get; private set; }

    public Task<string> ExportPortfolioHistoryAsync(IReadOnlyList<PortfolioDay> history, CancellationToken cancellationToken)
    {
        ExportedHistory = history;
        return Export("portfolio_history.csv");
    }

    public Task<string> ExportPerformanceAsync(IReadOnlyList<PerformanceDay> days, CancellationToken cancellationToken)
    {
        ExportedPerformance = days;
        return Export("performance_daily.csv");
    }

    private Task<string> Export(string name)
    {
        Exports.Add(name);
        return Task.FromResult(name);
    }

    private sealed class EventsWriter(InMemoryMarketDataStore store, EventsRun run) : IEventsWriter
    {
        private readonly List<MarketEvent> _raw = [];
        private readonly List<MarketEvent> _kept = [];
        private readonly List<MarketRow> _rows = [];

        public Task AddAsync(MarketEvent marketEvent, bool kept, IReadOnlyList<MarketRow> rows, CancellationToken cancellationToken)
        {
            _raw.Add(marketEvent);
            if (kept)
            {
                _kept.Add(marketEvent);
                _rows.AddRange(rows);
            }

            return Task.CompletedTask;
        }

        public Task<IReadOnlyList<string>> CommitAsync(CancellationToken cancellationToken)
        {
            store.Commits++;
            store.LastEventsRun = run;
            store.RawEvents = _raw;
            store.FilteredEvents = _kept;
            var files = new List<string> { "raw_events_backup.json", "filtered_events.json", "events_filtered.csv" };
            if (run.Stage >= Engine.Refresh.EventsStage.Extract)
            {
                store.Markets = new MarketsSnapshot(run.GeneratedAt, run.Source, _rows);
                files.AddRange(["filtered_markets.json", "markets_extracted.csv"]);
            }

            if (run.Stage == Engine.Refresh.EventsStage.All)
            {
                files.Add("events_full.csv");
            }

            return Task.FromResult<IReadOnlyList<string>>(files);
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private sealed class QuotesWriter(InMemoryMarketDataStore store, QuotesRun run) : IQuotesWriter
    {
        private readonly List<TokenQuote> _quotes = [];

        public Task AddAsync(IReadOnlyList<TokenQuote> quotes, CancellationToken cancellationToken)
        {
            _quotes.AddRange(quotes);
            return Task.CompletedTask;
        }

        public Task FinishAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<QuotesCommit> CommitAsync(CancellationToken cancellationToken)
        {
            store.Commits++;
            var snapshot = new QuotesSnapshot(run.GeneratedAt, run.Source, _quotes);
            store.Quotes = snapshot;
            var daily = store.DailyPrices.TryAdd(store.Calendar.DayOf(run.GeneratedAt), snapshot);
            return Task.FromResult(new QuotesCommit(["market_cache.json", "markets_current.csv"], daily));
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
