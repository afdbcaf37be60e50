using Prescient.Domain.Books;
using Prescient.Domain.Ids;
using Prescient.Domain.Markets;
using Prescient.Domain.Signals;
using Prescient.Domain.Trading;
using Prescient.Engine.Exits;
using Prescient.Engine.Trading;

namespace Prescient.Engine.Backtest;

/// <summary>
/// The exit rules (take profit, stop loss, exit before resolution: section <c>Exits</c>) inside a
/// synthetic backtest, as the <see cref="IStepHook"/> of each step: after settlement and before the
/// buys, every held position is decided by the very <see cref="ExitExecutor.Decide"/> of paper trading,
/// against the <see cref="SyntheticBookModel"/> books around the market's latest price (stamped now, as
/// the engine's buy books are), and each sell is recorded at once, so the next position sees the cash it
/// freed. A market sold today is not bought back today (<see cref="RejectionReason.ExitedToday"/>), as in
/// paper trading. The ids are the paper ones, per day, market and rule (<see cref="ExitIds"/>): a market
/// sells at most once a day, a thin book sells part and the rest waits for a later day. Days are UTC,
/// the engine's days. An optional <paramref name="next"/> hook runs after the exits.
/// </summary>
public sealed class BacktestExits(ExitExecutor executor, SyntheticBookModel books, string source, IStepHook? next = null) : IStepHook
{
    private readonly Dictionary<RejectionReason, int> _rejections = [];
    private Dictionary<MarketId, ReplayMarket>? _byMarket;

    /// <summary>The sells refused (a rule fired, the sell could not be made), by reason; the buys <see cref="Refuse"/> refused are the engine's.</summary>
    public IReadOnlyDictionary<RejectionReason, int> Rejections => _rejections;

    public void OnStep(BacktestStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        if (step.Portfolio.TradeCount > 0)
        {
            Exit(step);
        }

        next?.OnStep(step);
    }

    public Rejection? Refuse(Signal signal, BacktestStep step)
    {
        ArgumentNullException.ThrowIfNull(signal);
        ArgumentNullException.ThrowIfNull(step);
        if (!step.Portfolio.HasExecuted(signal.SignalId) && executor.ExitedToday(step.Portfolio, signal.MarketId, step.Now))
        {
            return new Rejection(signal.SignalId, signal.MarketId, RejectionReason.ExitedToday, RejectionDetails.ExitedToday(signal.MarketId));
        }

        return next?.Refuse(signal, step);
    }

    private void Exit(BacktestStep step)
    {
        _byMarket ??= step.Markets.ToDictionary(m => m.Row.MarketId);
        var now = step.Now;
        var t = now.ToUnixTimeSeconds();
        foreach (var position in step.Portfolio.Positions)
        {
            if (_byMarket.GetValueOrDefault(position.MarketId) is not { } market || market.IsClosedAt(t))
            {
                continue;
            }

            // The rules on the synthetic best bid first: when none fires, Decide would give null too, so no book is built.
            var quoted = market.QuotedPrice is not null && market.LatestYesPrice is not null;
            var bid = quoted ? books.BestBid(market.LatestYesPrice!.Value, market.Tick, position.TokenId == market.Yes) : (decimal?)null;
            if (executor.Trigger(position, bid, market.Row.EndDate, now) is null)
            {
                continue;
            }

            var (book, complement) = quoted ? Books(market, position.TokenId, now) : (null, null);
            var asOf = step.RowOf(market);
            var decision = executor.Decide(position, asOf.ToMarket(), book, complement, step.Portfolio, now, source);
            if (decision?.Trade is { } trade)
            {
                step.Record(trade, FillModel.Synthetic);
            }
            else if (decision?.Rejection is { } rejection)
            {
                _rejections[rejection.Reason] = _rejections.GetValueOrDefault(rejection.Reason) + 1;
            }
        }
    }

    /// <summary>The held token's synthetic book and its twin's, around the market's latest YES price.</summary>
    private (OrderBook Held, OrderBook Other) Books(ReplayMarket market, TokenId held, DateTimeOffset now)
    {
        var (yes, no) = books.Books(market.Yes, market.No, market.Row.ConditionId, market.LatestYesPrice!.Value, market.Tick, market.Row.MinOrderSize, now);
        return held == market.Yes ? (yes, no) : (no, yes);
    }
}
