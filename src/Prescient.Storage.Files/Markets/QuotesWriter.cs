using System.Text.Json;
using Microsoft.Extensions.Logging;
using Prescient.Engine.Quotes;
using Prescient.Engine.Storage;
using Prescient.Storage.Files.Exports;
using Prescient.Storage.Files.IO;
using Prescient.Storage.Files.Json;

namespace Prescient.Storage.Files.Markets;

/// <summary>
/// One quotes run streamed into temporary files beside their targets: <c>market_cache.json</c>,
/// <c>markets_current.csv</c>, and the day's <c>daily_prices</c> file when the day has none yet
/// (checked at begin, and again at commit, which never replaces one that appeared meanwhile).
/// Disposing before the commit deletes the temporary files and leaves the targets as they were.
/// </summary>
internal sealed class QuotesWriter : IQuotesWriter
{
    private readonly QuotesRun _run;
    private readonly ILogger _logger;
    private readonly IReadOnlyList<CsvColumn<TokenQuote>> _columns;
    private readonly string _dailyPath;
    private JsonEnvelopeWriter? _cache;
    private JsonEnvelopeWriter? _daily;
    private CsvTableWriter? _csv;
    private bool _finished;
    private bool _committed;

    private QuotesWriter(QuotesRun run, string dailyPath, ILogger logger)
    {
        _run = run;
        _dailyPath = dailyPath;
        _logger = logger;
        _columns = QuoteColumns.For(run.Source);
    }

    /// <summary>Starts the run; its daily prices, if any, go to the file of <paramref name="day"/> (the trading day of the run).</summary>
    public static async Task<IQuotesWriter> BeginAsync(DataFolder folder, QuotesRun run, DateOnly day, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var writer = new QuotesWriter(run, folder.DailyPrices(day), logger);
        try
        {
            writer._cache = await JsonEnvelopeWriter.BeginAsync(folder.MarketCache, writer.WriteSource, "quotes", cancellationToken)
                .ConfigureAwait(false);
            writer._csv = await CsvTableWriter.BeginAsync(folder.Export("markets_current"), writer._columns, cancellationToken)
                .ConfigureAwait(false);
            if (!File.Exists(writer._dailyPath))
            {
                writer._daily = await DailyPricesFile.BeginAsync(folder, day, run.GeneratedAt, run.Source, cancellationToken).ConfigureAwait(false);
            }

            return writer;
        }
        catch
        {
            await writer.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async Task AddAsync(IReadOnlyList<TokenQuote> quotes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(quotes);
        ObjectDisposedException.ThrowIf(_finished || _committed || _cache is null, this);
        foreach (var quote in quotes)
        {
            await _cache.AddAsync(quote, cancellationToken).ConfigureAwait(false);
            await _csv!.WriteRowAsync(_columns, quote, cancellationToken).ConfigureAwait(false);
            if (_daily is not null)
            {
                await _daily.AddAsync(DailyPrice.From(quote), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public async Task FinishAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_finished || _committed || _cache is null, this);
        cancellationToken.ThrowIfCancellationRequested();
        _finished = true;

        // The files are independent: their flushes to disk overlap instead of adding up.
        IPendingOutput[] outputs = _daily is null ? [_cache, _csv!] : [_cache, _csv!, _daily];
        await Task.WhenAll(outputs.Select(output => Task.Run(() => output.FinishAsync(cancellationToken), cancellationToken)))
            .ConfigureAwait(false);
    }

    public async Task<QuotesCommit> CommitAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_committed || _cache is null, this);
        if (!_finished)
        {
            await FinishAsync(cancellationToken).ConfigureAwait(false);
        }

        cancellationToken.ThrowIfCancellationRequested();
        _cache.Replace();
        _csv!.Replace();
        List<string> files = [_cache.Target, _csv.Target];
        var dailyWritten = _daily?.TryCreate() ?? false;
        if (dailyWritten)
        {
            files.Add(_dailyPath);
        }
        else
        {
            StoreLog.DailyPricesKept(_logger, _dailyPath);
        }

        _committed = true;
        StoreLog.QuotesCommitted(_logger, _cache.Count, _run.Source.Name);
        return new QuotesCommit(files, dailyWritten);
    }

    public async ValueTask DisposeAsync()
    {
        // After a commit these only confirm that nothing is left; before one they delete the temps.
        if (_cache is not null)
        {
            await _cache.DisposeAsync().ConfigureAwait(false);
        }

        if (_csv is not null)
        {
            await _csv.DisposeAsync().ConfigureAwait(false);
        }

        if (_daily is not null)
        {
            await _daily.DisposeAsync().ConfigureAwait(false);
        }
    }

    private void WriteSource(Utf8JsonWriter writer) => JsonEnvelopeWriter.WriteSource(writer, _run.GeneratedAt, _run.Source);
}
