using Microsoft.Extensions.Options;
using Prescient.Domain.Books;
using Prescient.Domain.Ids;
using Prescient.Domain.Markets;
using Prescient.Domain.Positions;
using Prescient.Domain.Trading;
using Prescient.Domain.Values;
using Prescient.Engine.Calendar;
using Prescient.Engine.Trading;

namespace Prescient.Engine.Exits;

/// <summary>
/// Decides whether one held position is sold now: a sell record built from a walk of the held
/// token's bids, a rejection when a rule fired but the sell cannot be made, or nothing. It reads the
/// portfolio and never changes it: the caller appends the record to the ledger, then applies it.
/// A bid only counts when its book can be trusted (fresh by <see cref="TradingOptions.MaxBookAge"/>,
/// the other token's book present and fresh, <see cref="BookGuard"/> passing), so a ghost 0.01 bid
/// never fires a stop loss. The walk goes down to the best bid − <see cref="TradingOptions.MaxSlippage"/>
/// (rounded up to the tick), fees per <see cref="FeeModel"/>; a thin book sells part, and the rest
/// is held (a later day's exit can sell it).
/// </summary>
public sealed class ExitExecutor
{
    private readonly ExitOptions _exits;
    private readonly TradingOptions _trading;
    private readonly TradingCalendar _calendar;

    public ExitExecutor(IOptions<ExitOptions> exits, IOptions<TradingOptions> trading, TradingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(exits);
        ArgumentNullException.ThrowIfNull(trading);
        ArgumentNullException.ThrowIfNull(calendar);
        _exits = exits.Value;
        _trading = trading.Value;
        _calendar = calendar;
        if (_exits.Validate() is { } problem)
        {
            throw new ArgumentException(problem, nameof(exits));
        }
    }

    /// <summary>True when any exit rule is on; off, <see cref="Decide"/> always gives null.</summary>
    public bool Enabled => _exits.Enabled;

    /// <summary>
    /// True when an exit sold <paramref name="market"/> on the trading day of <paramref name="now"/>:
    /// a buy of it that day is refused (<c>exited_today</c>), so a re-run does not buy back what the
    /// run before it sold, and the day's runs agree.
    /// </summary>
    public bool ExitedToday(Portfolio portfolio, MarketId market, DateTimeOffset now) =>
        _exits.Enabled && ExitIds.AnyExecuted(portfolio, _calendar.DayOf(now), market);

    /// <summary>
    /// The rule that fires on <paramref name="position"/> at <paramref name="bestBid"/> (null: no bid), or null
    /// when none does or the rules are off: <see cref="ExitRules.Evaluate"/> on these options. A cheap
    /// pre-check for a caller that builds books only for positions a rule may sell: null here means
    /// <see cref="Decide"/> gives null too, whatever the book.
    /// </summary>
    public ExitTrigger? Trigger(Position position, decimal? bestBid, DateTimeOffset? endDate, DateTimeOffset now) =>
        _exits.Enabled ? ExitRules.Evaluate(_exits, position, bestBid, endDate, now) : null;

    /// <summary>
    /// Null when no rule fires, the market is closed (settlement's business) or unknown, or the
    /// position's market already sold today. Otherwise the sell, or its rejection: not accepting
    /// orders, no book or a stale one, a refused book, fee unknown, no bid within the floor, or fewer
    /// shares than the minimum order.
    /// </summary>
    /// <param name="market">The position's market: as last extracted, or as looked up now; null when neither.</param>
    /// <param name="book">The held token's book fetched now; null when the exchange has none.</param>
    /// <param name="complement">The market's other token's book fetched with it; null when none.</param>
    /// <param name="fees">The market's fee settings with the CLOB base fee resolved; null for the market's own.</param>
    public ExecutionDecision? Decide(Position position, Market? market, OrderBook? book, OrderBook? complement, Portfolio portfolio, DateTimeOffset now, string source, FeeSettings? fees = null)
    {
        ArgumentNullException.ThrowIfNull(position);
        ArgumentNullException.ThrowIfNull(portfolio);
        var day = _calendar.DayOf(now);
        if (!_exits.Enabled || market is null || market.Closed || ExitIds.AnyExecuted(portfolio, day, position.MarketId))
        {
            return null;
        }

        var refusal = Refusal(position, market, book, complement, now);
        var trigger = ExitRules.Evaluate(_exits, position, refusal is null ? book!.BestBid : null, market.EndDate, now);
        if (trigger is null)
        {
            return null;
        }

        var id = ExitIds.For(day, position.MarketId, trigger.Reason);
        if (!market.AcceptingOrders || !market.EnableOrderBook)
        {
            return Reject(id, position, RejectionReason.NotAcceptingOrders, RejectionDetails.NotAcceptingOrders(market.Id, market.EnableOrderBook));
        }

        if (refusal is not null)
        {
            return Reject(id, position, refusal.Reason, refusal.Detail);
        }

        fees ??= market.Fees;
        if (fees.NeedsBaseFee)
        {
            return Reject(id, position, RejectionReason.FeeUnknown, RejectionDetails.FeeUnknown(market.Id, position.TokenId));
        }

        var tick = book!.TickSize ?? market.TickSize;
        var floor = Math.Max(0m, book.BestBid!.Value - _trading.MaxSlippage);
        var attempt = BookWalker.Sell(book, position.Shares, Price.Create(floor), fees, Price.From(tick), Shares.From(book.MinOrderSize ?? market.MinOrderSize));
        if (!attempt.IsFilled)
        {
            return Reject(id, position, attempt.Reason.Value, attempt.Detail + $" ({trigger.Detail})");
        }

        return ExecutionDecision.Execute(portfolio.CreateSell(position.MarketId, attempt.Fill, id, now, source), attempt.Fill);
    }

    /// <summary>Why the held token's book gives no bid to judge or sell at, or null when it can be trusted.</summary>
    private BookRefusal? Refusal(Position position, Market market, OrderBook? book, OrderBook? complement, DateTimeOffset now)
    {
        if (book is null || book.Bids.Count == 0)
        {
            return new BookRefusal(RejectionReason.NoBook, book is null ? RejectionDetails.NoBook(position.TokenId) : RejectionDetails.NoBids(position.TokenId));
        }

        if (!IsFresh(book, now))
        {
            return new BookRefusal(RejectionReason.StaleBook, RejectionDetails.StaleBook(book.Timestamp, now, _trading.MaxBookAge));
        }

        if (complement is null)
        {
            var other = BookGuard.ComplementOf(market, position.TokenId);
            return new BookRefusal(RejectionReason.NoBook, other is { } token ? RejectionDetails.NoComplementBook(token) : RejectionDetails.NoBook(position.TokenId));
        }

        if (!IsFresh(complement, now))
        {
            return new BookRefusal(RejectionReason.StaleBook, RejectionDetails.StaleComplementBook(complement.TokenId, complement.Timestamp, now, _trading.MaxBookAge));
        }

        return BookGuard.Check(book, complement, market, _trading);
    }

    private bool IsFresh(OrderBook book, DateTimeOffset now) => book.Timestamp is { } at && now - at <= _trading.MaxBookAge;

    private static ExecutionDecision Reject(SignalId id, Position position, RejectionReason reason, string detail) =>
        ExecutionDecision.Reject(new Rejection(id, position.MarketId, reason, detail));
}
