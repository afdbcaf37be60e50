using System.Text.Json;
using Microsoft.Extensions.Options;
using Prescient.Domain.Books;
using Prescient.Domain.Markets;
using Prescient.Domain.Positions;
using Prescient.Domain.Signals;
using Prescient.Domain.Trading;
using Prescient.Domain.Values;
using Prescient.Engine.Signals;

namespace Prescient.Engine.Trading;

/// <summary>
/// Decides what one signal does to the paper account: a buy record built from a fill against the
/// real book, or a rejection with a reason code and the numbers. It reads the portfolio and never
/// changes it: the caller appends the record to the ledger, then applies it. A fill is held to its
/// signal: the signal must be recent, the books consistent (<see cref="BookGuard"/>), the strategy's
/// rule must still hold on them, the walk stops at the signal's ask + <see cref="TradingOptions.MaxSlippage"/>,
/// and a fill thinner than <see cref="TradingOptions.MinFillFraction"/> of the stake is not made.
/// </summary>
public sealed class PaperExecutor
{
    private readonly TradingOptions _options;
    private readonly IStrategy _strategy;
    private readonly bool _signalChecks;

    public PaperExecutor(IOptions<TradingOptions> options, IStrategy strategy)
        : this(options, strategy, signalChecks: true)
    {
    }

    /// <summary>With <paramref name="signalChecks"/> false: the decision as it was before fills were held to their signal (the benchmark's baseline).</summary>
    internal PaperExecutor(IOptions<TradingOptions> options, IStrategy strategy, bool signalChecks)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(strategy);
        _options = options.Value;
        if (_options.Validate() is { } problem)
        {
            throw new ArgumentException(problem, nameof(options));
        }

        _strategy = strategy;
        _signalChecks = signalChecks;
    }

    /// <summary>
    /// Checks, in this order: already executed, signal age, market found, closed, accepting orders,
    /// position already open, book present, book fresh, the other token's book present and fresh,
    /// <see cref="BookGuard"/> (crossed, quote, complement), the strategy's rule on the fresh books,
    /// the best ask within the signal's limit price, then within its ask + slippage, fee known, cash
    /// for the minimum order (then the reserve), event exposure, total exposure; then walks the asks
    /// up to that limit with the stake capped at cash − reserve, and refuses a fill below the minimum
    /// fraction of that stake.
    /// </summary>
    /// <param name="market">The signal's market as last extracted; null when it is no longer there.</param>
    /// <param name="book">The book of the signal's token; null when the exchange has none.</param>
    /// <param name="complement">The book of the market's other token, fetched with it; null when the exchange has none.</param>
    /// <param name="source">"sample" or "live", written on the record.</param>
    /// <param name="fees">The market's fee settings with the CLOB base fee resolved (<see cref="FeeRates"/>); null for the market's own.</param>
    public ExecutionDecision Decide(Signal signal, Market? market, OrderBook? book, OrderBook? complement, Portfolio portfolio, DateTimeOffset now, string source, FeeSettings? fees = null)
    {
        ArgumentNullException.ThrowIfNull(signal);
        ArgumentNullException.ThrowIfNull(portfolio);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(signal.Stake.Value);
        if (market is not null && market.Id != signal.MarketId)
        {
            throw new ArgumentException($"Market {market.Id} is not the market {signal.MarketId} of signal {signal.SignalId}.", nameof(market));
        }

        if (book is not null && book.TokenId != signal.TokenId)
        {
            throw new ArgumentException($"The book of token {book.TokenId} is not the book of token {signal.TokenId} of signal {signal.SignalId}.", nameof(book));
        }

        if (complement is not null && complement.TokenId != BookGuard.ComplementOf(market, signal.TokenId))
        {
            throw new ArgumentException($"The book of token {complement.TokenId} is not the other token's book of market {signal.MarketId}.", nameof(complement));
        }

        if (portfolio.HasExecuted(signal.SignalId))
        {
            return Reject(signal, RejectionReason.AlreadyExecuted, RejectionDetails.AlreadyExecuted(signal.SignalId));
        }

        if (_signalChecks && now - signal.CreatedAt > _options.MaxSignalAge)
        {
            return Reject(signal, RejectionReason.SignalStale, RejectionDetails.SignalStale(signal.CreatedAt, now, _options.MaxSignalAge));
        }

        if (market is null)
        {
            return Reject(signal, RejectionReason.MarketNotFound, RejectionDetails.MarketNotFound(signal.MarketId));
        }

        if (market.Closed)
        {
            return Reject(signal, RejectionReason.MarketClosed, RejectionDetails.MarketClosed(market.Id));
        }

        if (!market.AcceptingOrders || !market.EnableOrderBook)
        {
            return Reject(signal, RejectionReason.NotAcceptingOrders, RejectionDetails.NotAcceptingOrders(market.Id, market.EnableOrderBook));
        }

        if (portfolio.PositionIn(market.Id) is { } held)
        {
            return Reject(signal, RejectionReason.PositionAlreadyOpen, RejectionDetails.PositionOpen(market.Id, held.Shares.Value, held.TokenId));
        }

        if (book is null || book.Asks.Count == 0)
        {
            return Reject(signal, RejectionReason.NoBook, book is null ? RejectionDetails.NoBook(signal.TokenId) : RejectionDetails.NoAsks(signal.TokenId));
        }

        if (!IsFresh(book, now))
        {
            return Reject(signal, RejectionReason.StaleBook, RejectionDetails.StaleBook(book.Timestamp, now, _options.MaxBookAge));
        }

        var tick = book.TickSize ?? market.TickSize;
        var limit = _signalChecks ? FillLimit(signal, tick) : signal.LimitPrice.Value;
        if (_signalChecks && SignalCheck(signal, market, book, complement, portfolio, now, limit) is { } refused)
        {
            return refused;
        }

        fees ??= market.Fees;
        if (fees.NeedsBaseFee)
        {
            return Reject(signal, RejectionReason.FeeUnknown, RejectionDetails.FeeUnknown(market.Id, signal.TokenId));
        }

        var minOrderSize = book.MinOrderSize ?? market.MinOrderSize;

        // The cheapest order the exchange would accept: the minimum size at the best ask. A lower
        // bound (the best level may be thinner); a fill the stake cannot reach is rejected by the walk.
        var minimumShares = Shares.Create(Math.Max(minOrderSize ?? 0m, BookWalker.ShareUnit));
        var bestAsk = Price.Create(book.Asks[0].Price);
        var minimumSpend = (minimumShares * bestAsk) + FeeModel.TakerFee(fees, bestAsk, minimumShares);
        var cash = portfolio.Cash;
        if (cash < minimumSpend)
        {
            return Reject(signal, RejectionReason.InsufficientCash, RejectionDetails.InsufficientCash(cash.Value, minimumSpend.Value, minimumShares.Value, bestAsk.Value));
        }

        var spendable = cash - Usdc.Create(_options.CashReserve);
        if (spendable < minimumSpend)
        {
            return Reject(signal, RejectionReason.CashReserve, RejectionDetails.CashReserve(cash.Value, _options.CashReserve, minimumSpend.Value, minimumShares.Value));
        }

        var stake = Usdc.Min(signal.Stake, spendable);
        var eventExposure = portfolio.ExposureIn(signal.EventId);
        if ((eventExposure + stake).Value > _options.MaxExposurePerEvent)
        {
            return Reject(signal, RejectionReason.EventExposureLimit, RejectionDetails.EventExposure(signal.EventId, eventExposure.Value, stake.Value, _options.MaxExposurePerEvent));
        }

        if (OverTotalExposure(portfolio, stake))
        {
            return Reject(signal, RejectionReason.TotalExposureLimit, RejectionDetails.TotalExposure(portfolio.Exposure.Value, stake.Value, _options.MaxTotalExposure));
        }

        var attempt = BookWalker.Buy(book, stake, Price.Create(limit), fees, Price.From(tick), Shares.From(minOrderSize));
        if (!attempt.IsFilled)
        {
            return Reject(signal, attempt.Reason.Value, attempt.Detail);
        }

        var spent = attempt.Fill.Cost + attempt.Fill.Fees;
        if (_signalChecks && spent < _options.MinFillFraction * stake)
        {
            return Reject(signal, RejectionReason.InsufficientDepth, RejectionDetails.ThinFill(spent.Value, stake.Value, _options.MinFillFraction, limit));
        }

        return ExecutionDecision.Execute(portfolio.CreateBuy(signal, attempt.Fill, now, source), attempt.Fill);
    }

    /// <summary>
    /// True when a buy of <paramref name="stake"/> cannot be made whatever its market and books: the account's
    /// exposure plus the stake (capped at the cash above the reserve, as <see cref="Decide"/> caps it) passes
    /// <see cref="TradingOptions.MaxTotalExposure"/>, so <see cref="Decide"/> refuses it, at its total exposure
    /// check or at an earlier one. A backtest asks this before it builds a signal's books.
    /// </summary>
    public bool ExceedsTotalExposure(decimal stake, Portfolio portfolio)
    {
        ArgumentNullException.ThrowIfNull(portfolio);
        var spendable = portfolio.Cash - Usdc.Create(_options.CashReserve);
        return spendable.Value > 0m && OverTotalExposure(portfolio, Usdc.Min(Usdc.Create(stake), spendable));
    }

    /// <summary>Decide's total exposure check: the account's exposure plus <paramref name="stake"/> (already capped at the spendable cash) passes the limit.</summary>
    private bool OverTotalExposure(Portfolio portfolio, Usdc stake) => (portfolio.Exposure + stake).Value > _options.MaxTotalExposure;

    /// <summary>The checks that hold a fill to its signal, on books already known to be present and fresh; null when they pass.</summary>
    private ExecutionDecision? SignalCheck(Signal signal, Market market, OrderBook book, OrderBook? complement, Portfolio portfolio, DateTimeOffset now, decimal limit)
    {
        if (complement is null)
        {
            var other = BookGuard.ComplementOf(market, signal.TokenId);
            return Reject(signal, RejectionReason.NoBook, other is { } token ? RejectionDetails.NoComplementBook(token) : RejectionDetails.NoBook(signal.TokenId));
        }

        if (!IsFresh(complement, now))
        {
            return Reject(signal, RejectionReason.StaleBook, RejectionDetails.StaleComplementBook(complement.TokenId, complement.Timestamp, now, _options.MaxBookAge));
        }

        if (BookGuard.Check(book, complement, market, _options) is { } refusal)
        {
            return Reject(signal, refusal.Reason, refusal.Detail);
        }

        if (signal.Strategy != _strategy.Name)
        {
            return Reject(signal, RejectionReason.PriceMoved, RejectionDetails.OtherStrategy(signal.Strategy, _strategy.Name));
        }

        var buysYes = market.Yes?.TokenId == signal.TokenId;
        if (_strategy.Recheck(signal, market, buysYes ? book : complement, buysYes ? complement : book, portfolio, now) is { } skip)
        {
            var code = JsonNamingPolicy.SnakeCaseLower.ConvertName(skip.Reason.ToString());
            return Reject(signal, RejectionReason.PriceMoved, RejectionDetails.RuleNoLongerHolds(_strategy.Name, code, skip.Detail));
        }

        var bestAsk = book.Asks[0].Price;
        var signalLimit = RoundDown(signal.LimitPrice.Value, book.TickSize ?? market.TickSize);
        if (bestAsk > signalLimit)
        {
            return Reject(signal, RejectionReason.PriceAboveMaximum, RejectionDetails.AboveLimit(bestAsk, signalLimit));
        }

        return bestAsk > limit
            ? Reject(signal, RejectionReason.PriceMoved, RejectionDetails.PastSlippage(bestAsk, signal.Price.Value, _options.MaxSlippage, limit))
            : null;
    }

    /// <summary>Where the walk stops: the signal's ask + the maximum slippage, never past its limit price, rounded down to the tick.</summary>
    private decimal FillLimit(Signal signal, decimal? tick) =>
        RoundDown(Math.Min(signal.LimitPrice.Value, Math.Min(1m, signal.Price.Value + _options.MaxSlippage)), tick);

    private bool IsFresh(OrderBook book, DateTimeOffset now) => book.Timestamp is { } at && now - at <= _options.MaxBookAge;

    private static decimal RoundDown(decimal price, decimal? tick) => tick is > 0m ? Math.Floor(price / tick.Value) * tick.Value : price;

    private static ExecutionDecision Reject(Signal signal, RejectionReason reason, string detail) =>
        ExecutionDecision.Reject(new Rejection(signal.SignalId, signal.MarketId, reason, detail));
}
