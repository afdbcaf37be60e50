using Prescient.Engine.Filters;
using Prescient.Engine.Markets;

namespace Prescient.Engine.Refresh;

/// <summary>What an events run found and wrote.</summary>
public sealed record EventsStageResult(
    DateTimeOffset GeneratedAt,
    MarketSourceInfo Source,
    int EventsDiscovered,
    int EventsKept,
    IReadOnlyDictionary<FilterReason, int> EventsDropped,
    int MarketsExtracted,
    int MarketsOpen,
    IReadOnlyList<string> FilesWritten,
    TimeSpan Duration);

/// <summary>What a quote run fetched and wrote.</summary>
public sealed record QuotesStageResult(
    DateTimeOffset GeneratedAt,
    MarketSourceInfo Source,
    int MarketsQuoted,
    int Tokens,
    int TokensWithBook,
    bool DailyPricesWritten,
    IReadOnlyList<string> FilesWritten,
    TimeSpan Duration)
{
    public int TokensWithoutBook => Tokens - TokensWithBook;
}

/// <summary>A full refresh: the events stages, then quotes.</summary>
public sealed record RefreshResult(EventsStageResult Events, QuotesStageResult Quotes)
{
    /// <summary>
    /// From the start of discovery to the end of the later stage. The stages overlap (the books are
    /// fetched while the events files are committed), so this is less than the sum of their durations.
    /// </summary>
    public TimeSpan Duration
    {
        get
        {
            var quotesEnd = Quotes.GeneratedAt - Events.GeneratedAt + Quotes.Duration;
            return quotesEnd > Events.Duration ? quotesEnd : Events.Duration;
        }
    }
}
