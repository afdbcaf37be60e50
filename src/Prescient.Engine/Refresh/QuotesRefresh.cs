using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Prescient.Domain.Ids;
using Prescient.Engine.Extraction;
using Prescient.Engine.Markets;
using Prescient.Engine.Quotes;
using Prescient.Engine.Storage;
using Prescient.Engine.TimeSeries;

namespace Prescient.Engine.Refresh;

/// <summary>
/// Phase 1: order books for both tokens of every extracted market that accepts orders, fetched in
/// batches and streamed into the market cache (and the day's price file on the first quote of the day),
/// and each batch's best prices to the time-series sink as they arrive (what was observed, even when the
/// run is then not committed).
/// </summary>
public sealed partial class QuotesRefresh(
    IMarketSource source,
    IMarketDataStore store,
    ICsvExporter exporter,
    TimeProvider time,
    ILogger<QuotesRefresh> logger,
    ITimeSeriesSink? series = null,
    IBookCache? books = null)
{
    /// <summary>Quotes the markets of the last events run, read from <c>filtered_markets.json</c>.</summary>
    public async Task<QuotesStageResult> RunAsync(IProgress<RefreshProgress>? progress, CancellationToken cancellationToken)
    {
        var markets = await store.ReadMarketsAsync(cancellationToken)
            ?? throw new MissingStateException("No extracted markets yet", PipelineStep.Events);
        if (markets.Source.Name != source.Info.Name)
        {
            throw new MissingStateException(
                $"events/filtered_markets.json came from the {markets.Source.Name} source, not {source.Info.Name}: refresh events from {source.Info.Name} first.");
        }

        return await RunAsync(new[] { markets.Markets }.ToAsyncEnumerable(), progress, null, cancellationToken);
    }

    /// <summary>
    /// Quotes the given markets (those that accept orders; the rest are skipped) as they arrive, a
    /// chunk at a time: a refresh hands them over event by event while discovery is still running.
    /// When given, <paramref name="beforeCommit"/> is awaited after the last book and before
    /// anything is replaced: if it fails, nothing of this run is committed.
    /// </summary>
    internal async Task<QuotesStageResult> RunAsync(
        IAsyncEnumerable<IReadOnlyList<MarketRow>> markets,
        IProgress<RefreshProgress>? progress,
        Func<Task>? beforeCommit,
        CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var now = time.GetUtcNow();

        // Filled as the markets arrive (by the source's token feed) and read as the batches come back.
        var legs = new ConcurrentDictionary<TokenId, (MarketRow Market, string Outcome)>();
        var quotable = 0;
        var quoteProgress = progress is null
            ? null
            : new ForwardingProgress<QuoteProgress>(p => progress.Report(new RefreshProgress("quote", p.TokensDone, p.TokensTotal)));
        var withBook = 0;
        await using var writer = await store.BeginQuotesAsync(new QuotesRun(now, source.Info), cancellationToken);
        await foreach (var batch in source.GetBooksAsync(Legs(markets, legs, () => quotable++, cancellationToken), quoteProgress, cancellationToken))
        {
            var quotes = batch.Tokens
                .Select(t => TokenQuote.From(legs[t].Market, t, legs[t].Outcome, batch.Books.GetValueOrDefault(t)))
                .ToArray();
            withBook += quotes.Count(q => q.HasBook);
            await writer.AddAsync(quotes, cancellationToken);
            series?.RecordQuotes(quotes, now, source.Info);
            if (books is not null)
            {
                await books.StoreAsync(batch.Books, cancellationToken);
            }
        }

        progress?.Report(new RefreshProgress("write", 0, null));
        if (beforeCommit is not null)
        {
            // The files are finished and flushed to disk while what comes first commits.
            await Task.WhenAll(writer.FinishAsync(cancellationToken), beforeCommit());
        }

        var commit = await writer.CommitAsync(cancellationToken);
        LogQuoted(logger, legs.Count, withBook, source.Info.Name);
        return new QuotesStageResult(
            now, source.Info, quotable, legs.Count, withBook, commit.DailyPricesWritten, commit.FilesWritten, time.GetElapsedTime(started));
    }

    /// <summary>The YES and NO tokens of each quotable market, recorded in <paramref name="legs"/> first (a token shared by two markets quotes the first).</summary>
    private static async IAsyncEnumerable<IReadOnlyList<TokenId>> Legs(
        IAsyncEnumerable<IReadOnlyList<MarketRow>> markets,
        ConcurrentDictionary<TokenId, (MarketRow Market, string Outcome)> legs,
        Action countQuotable,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var chunk in markets.WithCancellation(cancellationToken))
        {
            var tokens = new List<TokenId>(chunk.Count * 2);
            foreach (var m in chunk.Where(m => m.IsQuotable))
            {
                countQuotable();
                if (legs.TryAdd(m.YesTokenId!.Value, (m, m.Outcomes.ElementAtOrDefault(0) ?? "Yes")))
                {
                    tokens.Add(m.YesTokenId.Value);
                }

                if (legs.TryAdd(m.NoTokenId!.Value, (m, m.Outcomes.ElementAtOrDefault(1) ?? "No")))
                {
                    tokens.Add(m.NoTokenId.Value);
                }
            }

            if (tokens.Count > 0)
            {
                yield return tokens;
            }
        }
    }

    /// <summary>Regenerates <c>markets_current.csv</c> from the stored market cache, without fetching.</summary>
    public async Task<string> ExportCsvAsync(CancellationToken cancellationToken)
    {
        var snapshot = await store.ReadQuotesAsync(cancellationToken)
            ?? throw new MissingStateException("No quotes yet", PipelineStep.Quotes);
        return await exporter.ExportCurrentMarketsAsync(snapshot, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Quoted {Tokens} tokens ({WithBook} with a book) from {Source}")]
    private static partial void LogQuoted(ILogger logger, int tokens, int withBook, string source);
}
