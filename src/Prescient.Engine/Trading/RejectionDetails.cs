using System.Globalization;
using Prescient.Domain.Ids;
using Prescient.Domain.Signals;

namespace Prescient.Engine.Trading;

/// <summary>
/// The words of every rejection detail, in one place so the ledger, the API, the CLI and the tests
/// say the same thing. Amounts in USDC, prices in USDC per share, sizes in shares.
/// </summary>
internal static class RejectionDetails
{
    public static string NoAsks(TokenId token) => $"the book of token {token} has no asks";

    public static string NoBids(TokenId token) => $"the book of token {token} has no bids";

    public static string NoBook(TokenId token) => $"the exchange has no order book for token {token}";

    public static string AboveLimit(decimal bestAsk, decimal limit) =>
        $"best ask {N(bestAsk)} is above the limit price {N(limit)}";

    public static string BelowFloor(decimal bestBid, decimal floor) =>
        $"best bid {N(bestBid)} is below the minimum price {N(floor)}";

    public static string BuyTooSmall(decimal stake, decimal shares, decimal? minimum, decimal limit, bool bookBound) =>
        (bookBound
            ? $"the book offers {N(shares)} shares at or below the limit {N(limit)}"
            : $"a stake of {N(stake)} USDC buys {N(shares)} shares at or below the limit {N(limit)}")
        + (minimum is { } min ? $"; the minimum order is {N(min)} shares" : "; not even 0.01 share");

    public static string SellTooSmall(decimal shares, decimal? minimum, decimal floor) =>
        $"the book takes {N(shares)} shares at or above {N(floor)}"
        + (minimum is { } min ? $"; the minimum order is {N(min)} shares" : "; not even 0.01 share");

    public static string AlreadyExecuted(SignalId signal) => $"signal {signal} is already in the ledger";

    public static string MarketNotFound(MarketId market) => $"market {market} is not among the extracted markets";

    public static string MarketClosed(MarketId market) => $"market {market} is closed";

    public static string NotAcceptingOrders(MarketId market, bool orderBookEnabled) =>
        orderBookEnabled ? $"market {market} is not accepting orders" : $"market {market} has its order book disabled";

    public static string PositionOpen(MarketId market, decimal shares, TokenId token) =>
        $"a position of {N(shares)} shares of token {token} is already open in market {market}";

    public static string StaleBook(DateTimeOffset? bookTime, DateTimeOffset now, TimeSpan maxAge) =>
        bookTime is { } at
            ? $"the book is {Age(now - at)} old (from {at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)}); the maximum age is {Age(maxAge)}"
            : $"the book has no timestamp, so its age is unknown; the maximum age is {Age(maxAge)}";

    public static string FeeUnknown(MarketId market, TokenId token) =>
        $"market {market} charges taker fees without a fee schedule, and the CLOB base fee of token {token} could not be had (GET /fee-rate)";

    public static string InsufficientCash(decimal cash, decimal minimumSpend, decimal minimumShares, decimal bestAsk) =>
        $"cash {N(cash)} USDC is below {N(minimumSpend)} USDC, the price of the minimum order ({N(minimumShares)} shares at best ask {N(bestAsk)}, fees included)";

    public static string CashReserve(decimal cash, decimal reserve, decimal minimumSpend, decimal minimumShares) =>
        $"cash {N(cash)} USDC less the reserve {N(reserve)} USDC leaves {N(cash - reserve)} USDC, below {N(minimumSpend)} USDC for the minimum order of {N(minimumShares)} shares";

    public static string EventExposure(EventId eventId, decimal held, decimal stake, decimal limit) =>
        $"exposure in event {eventId} would be {N(held)} + {N(stake)} = {N(held + stake)} USDC, above the limit {N(limit)} USDC";

    public static string TotalExposure(decimal held, decimal stake, decimal limit) =>
        $"total exposure would be {N(held)} + {N(stake)} = {N(held + stake)} USDC, above the limit {N(limit)} USDC";

    /// <summary>A number as the files write it: invariant culture, no trailing zeros, at most 6 places.</summary>
    public static string N(decimal value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    private static string Age(TimeSpan age) =>
        age.TotalSeconds < 120 ? N(Math.Round((decimal)age.TotalSeconds, 1)) + " s" : N(Math.Round((decimal)age.TotalMinutes, 1)) + " min";
}
