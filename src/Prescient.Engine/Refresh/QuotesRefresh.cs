using Microsoft.Extensions.Logging;
using Prescient.Domain.Ids;
using Prescient.Engine.Markets;
using Prescient.Engine.Quotes;
using Prescient.Engine.Storage;

namespace Prescient.Engine.Refresh;

/// <summary>
/// Phase 1: order books for both tokens of every extracted market that accepts orders, fetched in
/// batches, written to the market cache (and the day's price file on the first quote of the day).
/// </summary>
public sealed partial class QuotesRefresh(
    IMarketSource source,
    IMarketDataStore store,
    ICsvExporter exporter,
    TimeProvider time,
    ILogger<QuotesRefresh> logger)
{
    public async Task<QuotesStageResult> RunAsync(IProgress<RefreshProgress>? progress, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var markets = await store.ReadMarketsAsync(cancellationToken)
            ?? throw new MissingStateException(
                "No extracted markets yet: run `prescient refresh` (or POST /events/refresh-all-exports) first.");
        if (markets.Source.Name != source.Info.Name)
        {
            throw new MissingStateException(
                $"events/filtered_markets.json came from the {markets.Source.Name} source, not {source.Info.Name}: refresh events from {source.Info.Name} first.");
        }

        var quotable = markets.Markets.Where(m => m.IsQuotable).ToArray();
        var legs = quotable
            .SelectMany(m => new[]
            {
                (Market: m, Token: m.YesTokenId!.Value, Outcome: m.Outcomes.ElementAtOrDefault(0) ?? "Yes"),
                (Market: m, Token: m.NoTokenId!.Value, Outcome: m.Outcomes.ElementAtOrDefault(1) ?? "No"),
            })
            .ToArray();
        var tokens = legs.Select(l => l.Token).Distinct().ToArray();

        var quoteProgress = progress is null
            ? null
            : new Progress<QuoteProgress>(p => progress.Report(new RefreshProgress("quote", p.TokensDone, p.TokensTotal)));
        var books = await source.GetBooksAsync(tokens, quoteProgress, cancellationToken);
        var now = time.GetUtcNow();

        var quotes = legs
            .Select(l => TokenQuote.From(l.Market, l.Token, l.Outcome, books.GetValueOrDefault(l.Token)))
            .ToArray();
        var snapshot = new QuotesSnapshot(now, source.Info, quotes);
        progress?.Report(new RefreshProgress("write", 0, null));
        await store.WriteQuotesAsync(snapshot, cancellationToken);
        var daily = await store.WriteDailyPricesIfMissingAsync(DateOnly.FromDateTime(now.UtcDateTime), snapshot, cancellationToken);
        var csv = await exporter.ExportCurrentMarketsAsync(snapshot, cancellationToken);
        var withBook = quotes.Count(q => q.HasBook);
        LogQuoted(logger, quotes.Length, withBook, source.Info.Name);

        return new QuotesStageResult(now, source.Info, quotable.Length, quotes.Length, withBook, daily, [csv], time.GetElapsedTime(started));
    }

    /// <summary>Regenerates <c>markets_current.csv</c> from the stored market cache, without fetching.</summary>
    public async Task<string> ExportCsvAsync(CancellationToken cancellationToken)
    {
        var snapshot = await store.ReadQuotesAsync(cancellationToken)
            ?? throw new MissingStateException("No quotes yet: run `prescient refresh` (or POST /markets/refresh) first.");
        return await exporter.ExportCurrentMarketsAsync(snapshot, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Quoted {Tokens} tokens ({WithBook} with a book) from {Source}")]
    private static partial void LogQuoted(ILogger logger, int tokens, int withBook, string source);
}
