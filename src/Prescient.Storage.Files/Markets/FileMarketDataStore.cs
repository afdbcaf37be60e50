using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Prescient.Domain.Markets;
using Prescient.Engine.Markets;
using Prescient.Engine.Storage;
using Prescient.Storage.Files.IO;
using Prescient.Storage.Files.Json;

namespace Prescient.Storage.Files.Markets;

/// <summary>
/// The events and markets stages of the data folder: every file replaced atomically, large files
/// streamed (events' upstream objects are written whole, item by item), read-backs strict.
/// </summary>
public sealed partial class FileMarketDataStore : IMarketDataStore
{
    private readonly DataFolder _folder;
    private readonly ILogger<FileMarketDataStore> _logger;

    public FileMarketDataStore(DataFolder folder, ILogger<FileMarketDataStore>? logger = null)
    {
        _folder = folder ?? throw new ArgumentNullException(nameof(folder));
        _logger = logger ?? NullLogger<FileMarketDataStore>.Instance;
    }

    public Task WriteRawEventsAsync(EventsSnapshot snapshot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return WriteEventsAsync(_folder.RawEvents, snapshot.GeneratedAt, snapshot.Source, null, snapshot.Events, cancellationToken);
    }

    public Task WriteFilteredEventsAsync(FilteredEventsSnapshot snapshot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return WriteEventsAsync(
            _folder.FilteredEvents,
            snapshot.GeneratedAt,
            snapshot.Source,
            writer =>
            {
                writer.WritePropertyName("filters");
                JsonSerializer.Serialize(writer, snapshot.Filters, PrescientJson.Options);
            },
            snapshot.Events,
            cancellationToken);
    }

    public async Task WriteMarketsAsync(MarketsSnapshot snapshot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var path = _folder.FilteredMarkets;
        await AtomicFile.WriteAsync(
            path,
            (stream, ct) => JsonEnvelope.WriteAsync(
                stream,
                async writer =>
                {
                    JsonEnvelope.WriteHeader(writer, snapshot.GeneratedAt, snapshot.Source);
                    await JsonEnvelope.WriteItemsAsync(writer, "markets", snapshot.Markets, Serialize, ct).ConfigureAwait(false);
                },
                ct),
            cancellationToken).ConfigureAwait(false);
        LogWritten(snapshot.Markets.Count, "markets", path);
    }

    public async Task WriteQuotesAsync(QuotesSnapshot snapshot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var path = _folder.MarketCache;
        await AtomicFile.WriteAsync(path, (stream, ct) => WriteQuotesEnvelopeAsync(stream, snapshot, ct), cancellationToken)
            .ConfigureAwait(false);
        LogWritten(snapshot.Quotes.Count, "quotes", path);
    }

    public async Task<bool> WriteDailyPricesIfMissingAsync(DateOnly day, QuotesSnapshot snapshot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var path = _folder.DailyPrices(day);
        var written = await AtomicFile.TryCreateAsync(
            path,
            (stream, ct) => JsonEnvelope.WriteAsync(
                stream,
                async writer =>
                {
                    writer.WriteString("date", day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                    JsonEnvelope.WriteHeader(writer, snapshot.GeneratedAt, snapshot.Source);
                    var prices = snapshot.Quotes.Select(DailyPrice.From).ToArray();
                    await JsonEnvelope.WriteItemsAsync(writer, "prices", prices, Serialize, ct).ConfigureAwait(false);
                },
                ct),
            cancellationToken).ConfigureAwait(false);
        if (written)
        {
            LogWritten(snapshot.Quotes.Count, "daily prices", path);
        }
        else
        {
            LogDailyPricesKept(path);
        }

        return written;
    }

    public async Task<MarketsSnapshot?> ReadMarketsAsync(CancellationToken cancellationToken)
    {
        var path = _folder.FilteredMarkets;
        var envelope = await JsonFile.ReadAsync<MarketsEnvelope>(path, cancellationToken).ConfigureAwait(false);
        if (envelope is null)
        {
            return null;
        }

        var source = ReadSource(path, envelope.Source, envelope.Simulated);
        RequireCount(path, envelope.Count, envelope.Markets.Count, "markets");
        return new MarketsSnapshot(envelope.GeneratedAt, source, envelope.Markets);
    }

    public async Task<QuotesSnapshot?> ReadQuotesAsync(CancellationToken cancellationToken)
    {
        var path = _folder.MarketCache;
        var envelope = await JsonFile.ReadAsync<QuotesEnvelope>(path, cancellationToken).ConfigureAwait(false);
        if (envelope is null)
        {
            return null;
        }

        var source = ReadSource(path, envelope.Source, envelope.Simulated);
        RequireCount(path, envelope.Count, envelope.Quotes.Count, "quotes");
        return new QuotesSnapshot(envelope.GeneratedAt, source, envelope.Quotes);
    }

    private async Task WriteEventsAsync(
        string path,
        DateTimeOffset generatedAt,
        MarketSourceInfo source,
        Action<Utf8JsonWriter>? writeExtraHeader,
        IReadOnlyList<MarketEvent> events,
        CancellationToken cancellationToken)
    {
        await AtomicFile.WriteAsync(
            path,
            (stream, ct) => JsonEnvelope.WriteAsync(
                stream,
                async writer =>
                {
                    JsonEnvelope.WriteHeader(writer, generatedAt, source);
                    writeExtraHeader?.Invoke(writer);

                    // The upstream objects go out whole, fields unknown to this code included.
                    await JsonEnvelope.WriteItemsAsync(writer, "events", events, (w, e) => e.Raw.WriteTo(w, PrescientJson.Options), ct)
                        .ConfigureAwait(false);
                },
                ct),
            cancellationToken).ConfigureAwait(false);
        LogWritten(events.Count, "events", path);
    }

    private static Task WriteQuotesEnvelopeAsync(Stream stream, QuotesSnapshot snapshot, CancellationToken cancellationToken) =>
        JsonEnvelope.WriteAsync(
            stream,
            async writer =>
            {
                JsonEnvelope.WriteHeader(writer, snapshot.GeneratedAt, snapshot.Source);
                await JsonEnvelope.WriteItemsAsync(writer, "quotes", snapshot.Quotes, Serialize, cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);

    private static void Serialize<T>(Utf8JsonWriter writer, T value) => JsonSerializer.Serialize(writer, value, PrescientJson.Options);

    private static MarketSourceInfo ReadSource(string path, string name, bool simulated) =>
        string.IsNullOrWhiteSpace(name)
            ? throw JsonFile.Corrupt(path, "source is empty.")
            : new MarketSourceInfo(name, simulated);

    private static void RequireCount(string path, int declared, int actual, string items)
    {
        if (declared != actual)
        {
            throw JsonFile.Corrupt(path, $"count says {declared} but {actual} {items} are listed.");
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Wrote {Count} {Kind} to {Path}")]
    private partial void LogWritten(int count, string kind, string path);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Daily prices already recorded in {Path}; kept as they are")]
    private partial void LogDailyPricesKept(string path);
}
