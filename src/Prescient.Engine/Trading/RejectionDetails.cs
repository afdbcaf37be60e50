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

    public static string ExitedToday(MarketId market) => $"an exit sold the position in market {market} today";

    public static string MarketClosed(MarketId market) => $"market {market} is closed";

    public static string NotAcceptingOrders(MarketId market, bool orderBookEnabled) =>
        orderBookEnabled ? $"market {market} is not accepting orders" : $"market {market} has its order book disabled";

    public static string PositionOpen(MarketId market, decimal shares, TokenId token) =>
        $"a position of {N(shares)} shares of token {token} is already open in market {market}";

    public static string StaleBook(DateTimeOffset? bookTime, DateTimeOffset now, TimeSpan maxAge) =>
        bookTime is { } at
            ? $"the book is {Age(now - at)} old (from {Time(at)}); the maximum age is {Age(maxAge)}"
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

    public static string SignalStale(DateTimeOffset createdAt, DateTimeOffset now, TimeSpan maxAge) =>
        $"the signal was made at {Time(createdAt)}, {Age(now - createdAt)} ago; the maximum signal age is {Age(maxAge)}";

    public static string NoComplementBook(TokenId token) =>
        $"the exchange has no order book for the other token {token}, so the book cannot be cross-checked";

    public static string StaleComplementBook(TokenId token, DateTimeOffset? bookTime, DateTimeOffset now, TimeSpan maxAge) =>
        $"the other token {token}: " + StaleBook(bookTime, now, maxAge);

    public static string Crossed(TokenId token, bool own, decimal bid, decimal ask) =>
        $"the book of {(own ? "token" : "the other token")} {token} is crossed: best bid {N(bid)} ≥ best ask {N(ask)}";

    public static string QuoteGap(string side, string which, decimal price, string gamma, decimal gap, decimal maxGap) =>
        $"{side} best {which} {N(price)} is {N(gap)} from {gamma} in the refresh; the maximum quote gap is {N(maxGap)}";

    public static string ComplementGap(string side, decimal price, string otherSide, decimal otherPrice, decimal gap, decimal maxGap) =>
        $"best {side} {N(price)} is {N(gap)} from 1 − the other token's best {otherSide} {N(otherPrice)} = {N(1m - otherPrice)}; the maximum complement gap is {N(maxGap)}";

    public static string ComplementOneSided(TokenId token, string side, decimal? price, TokenId other, string otherSide, decimal? otherPrice) =>
        price is { } p
            ? $"token {token} has a best {side} of {N(p)} but the other token {other} has no {otherSide}s to mirror it"
            : $"token {token} has no {side}s but the other token {other} has a best {otherSide} of {N(otherPrice!.Value)}";

    public static string RuleNoLongerHolds(string strategy, string code, string detail) =>
        $"the {strategy} rule no longer holds on the books now ({code}): {detail}";

    public static string OtherStrategy(string signalStrategy, string strategy) =>
        $"the signal was made by the {signalStrategy} strategy, which the configured {strategy} strategy cannot re-check";

    public static string PastSlippage(decimal bestAsk, decimal signalPrice, decimal maxSlippage, decimal limit) =>
        $"best ask {N(bestAsk)} is above {N(limit)}: the signal's ask {N(signalPrice)} + the maximum slippage {N(maxSlippage)}, on the tick";

    public static string ThinFill(decimal spent, decimal allowed, decimal minFraction, decimal limit) =>
        $"the asks at or below {N(limit)} fill {N(spent)} USDC of the {N(allowed)} USDC allowed ({N(Math.Round(spent / allowed, 4))} of it), below the minimum fill fraction {N(minFraction)}";

    /// <summary>A number as the files write it: invariant culture, no trailing zeros, at most 6 places.</summary>
    public static string N(decimal value) => Signals.StrategyText.Fixed(value, 0, 6) ?? value.ToString("0.######", CultureInfo.InvariantCulture);

    private static string Age(TimeSpan age) =>
        age.TotalSeconds < 120 ? N(Math.Round((decimal)age.TotalSeconds, 1)) + " s"
        : age.TotalMinutes < 120 ? N(Math.Round((decimal)age.TotalMinutes, 1)) + " min"
        : N(Math.Round((decimal)age.TotalHours, 1)) + " h";

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
