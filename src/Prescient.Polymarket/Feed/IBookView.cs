using Prescient.Domain.Books;
using Prescient.Domain.Ids;

namespace Prescient.Polymarket.Feed;

/// <summary>
/// A read-only view of a token's local book, handed to <see cref="IMarketFeedSink"/>. It is the
/// live book, valid only during the callback (the feed keeps changing it afterwards): read what
/// you need, or take <see cref="ToOrderBook"/>.
/// </summary>
public interface IBookView
{
    TokenId TokenId { get; }

    ConditionId? Market { get; }

    /// <summary>Bids, best (highest) first by depth index.</summary>
    BookSide Bids { get; }

    /// <summary>Asks, best (lowest) first by depth index.</summary>
    BookSide Asks { get; }

    decimal? BestBid { get; }

    decimal? BestAsk { get; }

    /// <summary>Minimum price increment (USDC), from the last snapshot or <c>tick_size_change</c>.</summary>
    decimal? TickSize { get; }

    /// <summary>When the CLOB produced the last change applied (UTC).</summary>
    DateTimeOffset? Timestamp { get; }

    /// <summary>The CLOB's hash of the book after the last change applied.</summary>
    BookHash? Hash { get; }

    /// <summary>True while the book is known or suspected to be wrong (a top mismatch, a reconnect): rebuild it from REST or wait for the next snapshot.</summary>
    bool NeedsResync { get; }

    /// <summary>An immutable Domain copy of the book as it is now.</summary>
    OrderBook ToOrderBook();
}
