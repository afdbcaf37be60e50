using Prescient.Domain.Books;
using Prescient.Domain.Ids;
using Prescient.Engine.Markets;
using Prescient.Engine.Quotes;
using Prescient.Engine.Storage;

namespace Prescient.Engine.Backtest.Recorded;

/// <summary>
/// What a paper run saw on one day of its calendar (<c>markets/tape_YYYY-MM-DD.json</c>): one step per
/// use-case that read market data (the morning cycle, the end of day), in time order. A backtest with
/// <c>--fills recorded</c> replays these steps through the same strategy, executor, settlement and marks.
/// </summary>
public sealed record MarketTapeDay(DateOnly Date, MarketSourceInfo Source, IReadOnlyList<MarketTapeStep> Steps);

/// <summary>
/// One step of a tape at the simulated instant <paramref name="At"/>: the refresh's market rows and
/// quotes when it was a cycle (what the strategy read), and every reply of the market source at that
/// instant: books (what fills walked and marks read), market lookups (what settlement read) and CLOB
/// base fees (what markets with fees and no schedule were charged).
/// </summary>
public sealed record MarketTapeStep(DateTimeOffset At, MarketTapeStepKind Kind)
{
    /// <summary>The extracted markets of the cycle's refresh (<c>events/filtered_markets.json</c>); null at an end of day.</summary>
    public MarketsSnapshot? Markets { get; init; }

    /// <summary>The quotes of the cycle's refresh (<c>markets/market_cache.json</c>); empty at an end of day.</summary>
    public IReadOnlyList<TokenQuote> Quotes { get; init; } = [];

    public IReadOnlyList<TapeBook> Books { get; init; } = [];

    /// <summary>Tokens asked for at this instant that had no book.</summary>
    public IReadOnlyList<TokenId> NoBook { get; init; } = [];

    public IReadOnlyList<TapeLookup> Lookups { get; init; } = [];

    public IReadOnlyList<TapeFeeRate> FeeRates { get; init; } = [];
}

public enum MarketTapeStepKind
{
    Cycle,
    EndOfDay,
}

/// <summary>A market lookup's reply (null: Gamma did not know the market).</summary>
public sealed record TapeLookup(MarketId MarketId, MarketLookup? Lookup);

/// <summary>A CLOB base fee reply in basis points (null: the CLOB has none).</summary>
public sealed record TapeFeeRate(TokenId TokenId, decimal? BaseFeeBps);

/// <summary>An order book as the source returned it, levels best first (prices in [0, 1] USDC, sizes in shares).</summary>
public sealed record TapeBook(TokenId TokenId, ConditionId? ConditionId, IReadOnlyList<QuoteLevel> Bids, IReadOnlyList<QuoteLevel> Asks)
{
    public decimal? TickSize { get; init; }

    public decimal? MinOrderSize { get; init; }

    public DateTimeOffset? Timestamp { get; init; }

    public decimal? LastTradePrice { get; init; }

    public bool? NegRisk { get; init; }

    public string? Hash { get; init; }

    public static TapeBook From(OrderBook book)
    {
        ArgumentNullException.ThrowIfNull(book);
        return new TapeBook(book.TokenId, book.ConditionId, [.. book.Bids.Select(l => new QuoteLevel(l.Price, l.Size))], [.. book.Asks.Select(l => new QuoteLevel(l.Price, l.Size))])
        {
            TickSize = book.TickSize,
            MinOrderSize = book.MinOrderSize,
            Timestamp = book.Timestamp,
            LastTradePrice = book.LastTradePrice,
            NegRisk = book.NegRisk,
            Hash = book.Hash,
        };
    }

    public OrderBook ToOrderBook() =>
        OrderBook.Create(TokenId, ConditionId, Bids.Select(l => new BookLevel(l.Price, l.Size)), Asks.Select(l => new BookLevel(l.Price, l.Size))) with
        {
            TickSize = TickSize,
            MinOrderSize = MinOrderSize,
            Timestamp = Timestamp,
            LastTradePrice = LastTradePrice,
            NegRisk = NegRisk,
            Hash = Hash,
        };
}

/// <summary>Where tapes are kept: one file per day of the data folder.</summary>
public interface IMarketTapeStore
{
    Task<string> WriteAsync(MarketTapeDay day, CancellationToken cancellationToken);

    /// <summary>The tapes of the days <paramref name="from"/> to <paramref name="to"/> (inclusive) that exist, in date order.</summary>
    Task<IReadOnlyList<MarketTapeDay>> ReadAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken);
}
