using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Prescient.Engine.Calendar;
using Prescient.Engine.Storage;
using Prescient.Storage.Files.Json;

namespace Prescient.Storage.Files.Markets;

/// <summary>
/// The events and quotes stages of the data folder. Runs stream into writers (<see cref="EventsWriter"/>,
/// <see cref="QuotesWriter"/>) whose files replace the current ones only at commit, each atomically;
/// events' upstream objects are written whole. Read-backs are strict.
/// </summary>
public sealed class FileMarketDataStore : IMarketDataStore
{
    private readonly DataFolder _folder;
    private readonly ILogger<FileMarketDataStore> _logger;
    private readonly TradingCalendar _calendar;

    /// <summary>A store whose daily prices files are named by the date in <paramref name="calendar"/> (UTC when not given).</summary>
    public FileMarketDataStore(DataFolder folder, ILogger<FileMarketDataStore>? logger = null, TradingCalendar? calendar = null)
    {
        _folder = folder ?? throw new ArgumentNullException(nameof(folder));
        _logger = logger ?? NullLogger<FileMarketDataStore>.Instance;
        _calendar = calendar ?? TradingCalendar.Utc;
    }

    public Task<IEventsWriter> BeginEventsAsync(EventsRun run, CancellationToken cancellationToken) =>
        EventsWriter.BeginAsync(_folder, run, _logger, cancellationToken);

    public Task<IQuotesWriter> BeginQuotesAsync(QuotesRun run, CancellationToken cancellationToken) =>
        QuotesWriter.BeginAsync(_folder, run, _calendar.DayOf(run.GeneratedAt), _logger, cancellationToken);

    public async Task<MarketsSnapshot?> ReadMarketsAsync(CancellationToken cancellationToken) =>
        (await JsonFile.ReadAsync<MarketsEnvelope>(_folder.FilteredMarkets, cancellationToken).ConfigureAwait(false))?.ToSnapshot(_folder.FilteredMarkets);

    public async Task<QuotesSnapshot?> ReadQuotesAsync(CancellationToken cancellationToken) =>
        (await JsonFile.ReadAsync<QuotesEnvelope>(_folder.MarketCache, cancellationToken).ConfigureAwait(false))?.ToSnapshot(_folder.MarketCache);

    public async Task<StoredFilteredEvents?> ReadFilteredEventsAsync(CancellationToken cancellationToken) =>
        (await JsonFile.ReadAsync<FilteredEventsEnvelope>(_folder.FilteredEvents, cancellationToken).ConfigureAwait(false))?.ToSnapshot(_folder.FilteredEvents);

    public async Task<string?> WriteDailyPricesAsync(QuotesSnapshot quotes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(quotes);
        var day = _calendar.DayOf(quotes.GeneratedAt);
        var path = _folder.DailyPrices(day);
        if (File.Exists(path))
        {
            StoreLog.DailyPricesKept(_logger, path);
            return null;
        }

        var daily = await DailyPricesFile.BeginAsync(_folder, day, quotes.GeneratedAt, quotes.Source, cancellationToken).ConfigureAwait(false);
        await using (daily.ConfigureAwait(false))
        {
            foreach (var quote in quotes.Quotes)
            {
                await daily.AddAsync(DailyPrice.From(quote), cancellationToken).ConfigureAwait(false);
            }

            await daily.FinishAsync(cancellationToken).ConfigureAwait(false);
            if (!daily.TryCreate())
            {
                StoreLog.DailyPricesKept(_logger, path);
                return null;
            }
        }

        StoreLog.DailyPricesWritten(_logger, quotes.Quotes.Count, path);
        return path;
    }
}
