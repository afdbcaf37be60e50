using Npgsql;
using Prescient.Engine.Storage;
using Prescient.Storage.Files;
using Prescient.Storage.Files.Json;
using Prescient.Storage.Files.Markets;

namespace Prescient.Storage.Postgres;

/// <summary>
/// The events and quotes stages with PostgreSQL as the store every process reads: each run still
/// streams into this machine's data folder (its files and CSVs, as the file store writes them), and
/// at commit the documents other processes need (extracted markets, quotes, kept events) and the
/// day's prices go into the database, byte for byte; reads come from the database.
/// </summary>
public sealed class PostgresMarketDataStore(FileMarketDataStore files, DataFolder folder, NpgsqlDataSource database) : IMarketDataStore
{
    private readonly PostgresDocuments _documents = new(database);

    public async Task<IEventsWriter> BeginEventsAsync(EventsRun run, CancellationToken cancellationToken) =>
        new EventsWriter(await files.BeginEventsAsync(run, cancellationToken).ConfigureAwait(false), this);

    public async Task<IQuotesWriter> BeginQuotesAsync(QuotesRun run, CancellationToken cancellationToken) =>
        new QuotesWriter(await files.BeginQuotesAsync(run, cancellationToken).ConfigureAwait(false), this);

    public async Task<MarketsSnapshot?> ReadMarketsAsync(CancellationToken cancellationToken) =>
        await ReadAsync(StateDocuments.Markets, cancellationToken).ConfigureAwait(false) is { } body
            ? StateDocuments.DecodeMarkets(body, PostgresTradingStore.Name(StateDocuments.Markets))
            : null;

    public async Task<QuotesSnapshot?> ReadQuotesAsync(CancellationToken cancellationToken) =>
        await ReadAsync(StateDocuments.Quotes, cancellationToken).ConfigureAwait(false) is { } body
            ? StateDocuments.DecodeQuotes(body, PostgresTradingStore.Name(StateDocuments.Quotes))
            : null;

    public async Task<StoredFilteredEvents?> ReadFilteredEventsAsync(CancellationToken cancellationToken) =>
        await ReadAsync(StateDocuments.FilteredEvents, cancellationToken).ConfigureAwait(false) is { } body
            ? StateDocuments.DecodeFilteredEvents(body, PostgresTradingStore.Name(StateDocuments.FilteredEvents))
            : null;

    public async Task<string?> WriteDailyPricesAsync(QuotesSnapshot quotes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(quotes);
        var written = await files.WriteDailyPricesAsync(quotes, cancellationToken).ConfigureAwait(false);
        if (written is not null)
        {
            await StoreDailyPricesAsync(written, cancellationToken).ConfigureAwait(false);
        }

        return written;
    }

    private Task<byte[]?> ReadAsync(string document, CancellationToken cancellationToken) => _documents.ReadAsync(document, cancellationToken);

    /// <summary>Copies each state document among <paramref name="written"/> (the paths a commit returned) into the database.</summary>
    private async Task StoreAsync(IReadOnlyList<string> written, CancellationToken cancellationToken)
    {
        foreach (var (document, path) in new[] { (StateDocuments.Markets, folder.FilteredMarkets), (StateDocuments.FilteredEvents, folder.FilteredEvents), (StateDocuments.Quotes, folder.MarketCache) })
        {
            if (written.Contains(path, StringComparer.Ordinal))
            {
                var body = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
                var (generatedAt, source) = StateDocuments.Header(body, path);
                await _documents.WriteAsync(document, body, generatedAt, source, null, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The day's prices file into <c>daily_prices</c>, unless a process stored that day first (never replaced).</summary>
    private async Task StoreDailyPricesAsync(string path, CancellationToken cancellationToken)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        var day = DateOnly.ParseExact(name["daily_prices_".Length..], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await using var command = database.CreateCommand("insert into daily_prices (day, body) values ($1, $2) on conflict do nothing");
        command.Add(day);
        command.Add(await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private sealed class EventsWriter(IEventsWriter inner, PostgresMarketDataStore store) : IEventsWriter
    {
        public Task AddAsync(Domain.Markets.MarketEvent marketEvent, bool kept, IReadOnlyList<Engine.Extraction.MarketRow> rows, CancellationToken cancellationToken) =>
            inner.AddAsync(marketEvent, kept, rows, cancellationToken);

        public async Task<IReadOnlyList<string>> CommitAsync(CancellationToken cancellationToken)
        {
            var written = await inner.CommitAsync(cancellationToken).ConfigureAwait(false);
            await store.StoreAsync(written, cancellationToken).ConfigureAwait(false);
            return written;
        }

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }

    private sealed class QuotesWriter(IQuotesWriter inner, PostgresMarketDataStore store) : IQuotesWriter
    {
        public Task AddAsync(IReadOnlyList<Engine.Quotes.TokenQuote> quotes, CancellationToken cancellationToken) => inner.AddAsync(quotes, cancellationToken);

        public Task FinishAsync(CancellationToken cancellationToken) => inner.FinishAsync(cancellationToken);

        public async Task<QuotesCommit> CommitAsync(CancellationToken cancellationToken)
        {
            var commit = await inner.CommitAsync(cancellationToken).ConfigureAwait(false);
            await store.StoreAsync(commit.FilesWritten, cancellationToken).ConfigureAwait(false);
            if (commit.DailyPricesWritten && commit.FilesWritten.FirstOrDefault(f => Path.GetFileName(f).StartsWith("daily_prices_", StringComparison.Ordinal)) is { } daily)
            {
                await store.StoreDailyPricesAsync(daily, cancellationToken).ConfigureAwait(false);
            }

            return commit;
        }

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
