using Prescient.Engine.Markets;
using Prescient.Engine.Quotes;

namespace Prescient.Engine.Storage;

/// <summary>One quotes run: when it was generated and from where. The daily prices file is for the trading day (the date in the schedule's time zone) of <see cref="GeneratedAt"/>.</summary>
public sealed record QuotesRun(DateTimeOffset GeneratedAt, MarketSourceInfo Source);

/// <summary>What a quotes commit wrote.</summary>
public sealed record QuotesCommit(IReadOnlyList<string> FilesWritten, bool DailyPricesWritten);

/// <summary>
/// Streams one quotes run to disk. Disposing without <see cref="CommitAsync"/> discards everything
/// written so far and leaves the previous files as they were.
/// </summary>
public interface IQuotesWriter : IAsyncDisposable
{
    Task AddAsync(IReadOnlyList<TokenQuote> quotes, CancellationToken cancellationToken);

    /// <summary>
    /// Completes every file and flushes it to disk, replacing nothing yet: a caller can finish the
    /// files while it waits for what must be committed before them. Nothing can be added after.
    /// <see cref="CommitAsync"/> finishes the files itself when this was not called.
    /// </summary>
    Task FinishAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Replaces <c>market_cache.json</c> and <c>markets_current.csv</c>, and writes the day's
    /// <c>daily_prices_YYYY-MM-DD.json</c> when that file does not exist yet.
    /// </summary>
    Task<QuotesCommit> CommitAsync(CancellationToken cancellationToken);
}
