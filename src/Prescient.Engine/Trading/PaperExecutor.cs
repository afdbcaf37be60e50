using Microsoft.Extensions.Options;
using Prescient.Domain.Books;
using Prescient.Domain.Markets;
using Prescient.Domain.Positions;
using Prescient.Domain.Signals;
using Prescient.Domain.Trading;
using Prescient.Engine.Extraction;

namespace Prescient.Engine.Trading;

/// <summary>
/// Decides what one signal does to the paper account: a buy record built from a fill against the
/// real book, or a rejection with a reason code and the numbers. It reads the portfolio and never
/// changes it: the caller appends the record to the ledger, then applies it.
/// </summary>
public sealed class PaperExecutor
{
    private readonly TradingOptions _options;

    public PaperExecutor(IOptions<TradingOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        if (_options.Validate() is { } problem)
        {
            throw new ArgumentException(problem, nameof(options));
        }
    }

    /// <summary>
    /// Checks, in this order: already executed, market found, closed, accepting orders, position
    /// already open, book present, book fresh, fee known, cash for the minimum order (then the reserve), event
    /// exposure, total exposure; then walks the asks with the stake capped at cash − reserve.
    /// </summary>
    /// <param name="market">The signal's market as last extracted; null when it is no longer there.</param>
    /// <param name="book">The book of the signal's token; null when the exchange has none.</param>
    /// <param name="source">"sample" or "live", written on the record.</param>
    /// <param name="fees">The market's fee settings with the CLOB base fee resolved (<see cref="FeeRates"/>); null for the market's own.</param>
    public ExecutionDecision Decide(Signal signal, MarketRow? market, OrderBook? book, Portfolio portfolio, DateTimeOffset now, string source, FeeSettings? fees = null)
    {
        ArgumentNullException.ThrowIfNull(signal);
        ArgumentNullException.ThrowIfNull(portfolio);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(signal.Stake);
        if (market is not null && market.MarketId != signal.MarketId)
        {
            throw new ArgumentException($"Market {market.MarketId} is not the market {signal.MarketId} of signal {signal.SignalId}.", nameof(market));
        }

        if (book is not null && book.TokenId != signal.TokenId)
        {
            throw new ArgumentException($"The book of token {book.TokenId} is not the book of token {signal.TokenId} of signal {signal.SignalId}.", nameof(book));
        }

        if (portfolio.HasExecuted(signal.SignalId))
        {
            return Reject(signal, RejectionReason.AlreadyExecuted, RejectionDetails.AlreadyExecuted(signal.SignalId));
        }

        if (market is null)
        {
            return Reject(signal, RejectionReason.MarketNotFound, RejectionDetails.MarketNotFound(signal.MarketId));
        }

        if (market.Closed)
        {
            return Reject(signal, RejectionReason.MarketClosed, RejectionDetails.MarketClosed(market.MarketId));
        }

        if (!market.AcceptingOrders || !market.EnableOrderBook)
        {
            return Reject(signal, RejectionReason.NotAcceptingOrders, RejectionDetails.NotAcceptingOrders(market.MarketId, market.EnableOrderBook));
        }

        if (portfolio.PositionIn(market.MarketId) is { } held)
        {
            return Reject(signal, RejectionReason.PositionAlreadyOpen, RejectionDetails.PositionOpen(market.MarketId, held.Shares, held.TokenId));
        }

        if (book is null || book.Asks.Count == 0)
        {
            return Reject(signal, RejectionReason.NoBook, book is null ? RejectionDetails.NoBook(signal.TokenId) : RejectionDetails.NoAsks(signal.TokenId));
        }

        if (book.Timestamp is not { } bookTime || now - bookTime > _options.MaxBookAge)
        {
            return Reject(signal, RejectionReason.StaleBook, RejectionDetails.StaleBook(book.Timestamp, now, _options.MaxBookAge));
        }

        fees ??= market.Fees;
        if (fees.NeedsBaseFee)
        {
            return Reject(signal, RejectionReason.FeeUnknown, RejectionDetails.FeeUnknown(market.MarketId, signal.TokenId));
        }

        var minOrderSize = book.MinOrderSize ?? market.MinOrderSize;

        // The cheapest order the exchange would accept: the minimum size at the best ask. A lower
        // bound (the best level may be thinner); a fill the stake cannot reach is rejected by the walk.
        var minimumShares = Math.Max(minOrderSize ?? 0m, BookWalker.ShareUnit);
        var bestAsk = book.Asks[0].Price;
        var minimumSpend = (minimumShares * bestAsk) + FeeModel.TakerFee(fees, bestAsk, minimumShares);
        var cash = portfolio.Cash;
        if (cash < minimumSpend)
        {
            return Reject(signal, RejectionReason.InsufficientCash, RejectionDetails.InsufficientCash(cash, minimumSpend, minimumShares, bestAsk));
        }

        var spendable = cash - _options.CashReserve;
        if (spendable < minimumSpend)
        {
            return Reject(signal, RejectionReason.CashReserve, RejectionDetails.CashReserve(cash, _options.CashReserve, minimumSpend, minimumShares));
        }

        var stake = Math.Min(signal.Stake, spendable);
        var eventExposure = portfolio.ExposureIn(signal.EventId);
        if (eventExposure + stake > _options.MaxExposurePerEvent)
        {
            return Reject(signal, RejectionReason.EventExposureLimit, RejectionDetails.EventExposure(signal.EventId, eventExposure, stake, _options.MaxExposurePerEvent));
        }

        var exposure = portfolio.Exposure;
        if (exposure + stake > _options.MaxTotalExposure)
        {
            return Reject(signal, RejectionReason.TotalExposureLimit, RejectionDetails.TotalExposure(exposure, stake, _options.MaxTotalExposure));
        }

        var attempt = BookWalker.Buy(book, stake, signal.LimitPrice, fees, book.TickSize ?? market.TickSize, minOrderSize);
        return attempt.IsFilled
            ? ExecutionDecision.Execute(portfolio.CreateBuy(signal, attempt.Fill, now, source), attempt.Fill)
            : Reject(signal, attempt.Reason.Value, attempt.Detail);
    }

    private static ExecutionDecision Reject(Signal signal, RejectionReason reason, string detail) =>
        ExecutionDecision.Reject(new Rejection(signal.SignalId, signal.MarketId, reason, detail));
}
