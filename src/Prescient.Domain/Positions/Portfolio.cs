using System.Globalization;
using Prescient.Domain.Ids;
using Prescient.Domain.Signals;
using Prescient.Domain.Trading;
using Prescient.Domain.Values;

namespace Prescient.Domain.Positions;

/// <summary>
/// The paper portfolio as the ledger defines it: cash, open positions and realized P&amp;L (USDC).
/// It changes only through <see cref="Apply"/>, which checks every record against the state before
/// it, so replaying <c>paper_trades.json</c> from the initial cash always rebuilds the same state and
/// cash = initial − Σ buy costs − Σ fees + Σ sell proceeds + Σ payouts holds after every record.
/// The <c>Create…</c> methods build the next record without changing anything; the caller appends
/// it to the ledger first and applies it after.
/// </summary>
public sealed class Portfolio
{
    private readonly Dictionary<MarketId, Position> _positions = [];
    private readonly HashSet<SignalId> _executed = [];
    private readonly Exposures _exposures;

    public Portfolio(Usdc initialCash)
    {
        if (initialCash < Usdc.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(initialCash), initialCash.Value, "The initial cash must be 0 USDC or more.");
        }

        InitialCash = initialCash;
        Cash = initialCash;
        _exposures = new Exposures(_positions);
    }

    public Usdc InitialCash { get; }

    public Usdc Cash { get; private set; }

    public Usdc RealizedPnl { get; private set; }

    public Usdc FeesPaid { get; private set; }

    public Usdc TotalBought { get; private set; }

    public Usdc TotalSold { get; private set; }

    public Usdc TotalPayouts { get; private set; }

    public int TradeCount { get; private set; }

    public TradeId? LastTradeId { get; private set; }

    /// <summary>The id the next record must carry.</summary>
    public TradeId NextTradeId => TradeId.ForSequence(TradeCount + 1);

    /// <summary>Open positions in the order they were opened.</summary>
    public IReadOnlyList<Position> Positions => _positions.Values.OrderBy(p => p.OpenedAt).ThenBy(p => p.MarketId).ToArray();

    /// <summary>Σ cost basis of open positions (USDC at risk).</summary>
    public Usdc Exposure => _exposures.Total;

    public Usdc ExposureIn(EventId eventId) => _exposures.In(eventId);

    public Position? PositionIn(MarketId marketId) => _positions.GetValueOrDefault(marketId);

    public bool HasExecuted(SignalId signalId) => _executed.Contains(signalId);

    public static Portfolio Replay(Usdc initialCash, IEnumerable<Trade> ledger)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        var portfolio = new Portfolio(initialCash);
        foreach (var trade in ledger)
        {
            portfolio.Apply(trade);
        }

        return portfolio;
    }

    /// <summary>The buy record for <paramref name="fill"/> of <paramref name="signal"/>'s token.</summary>
    public Trade CreateBuy(Signal signal, Fill fill, DateTimeOffset at, string? source)
    {
        ArgumentNullException.ThrowIfNull(signal);
        ArgumentNullException.ThrowIfNull(fill);
        return new Trade
        {
            TradeId = NextTradeId,
            SignalId = signal.SignalId,
            ExecutedAt = at,
            Kind = TradeKind.Buy,
            EventId = signal.EventId,
            MarketId = signal.MarketId,
            ConditionId = signal.ConditionId,
            TokenId = signal.TokenId,
            Outcome = signal.Outcome,
            Question = signal.Question,
            Shares = fill.Shares,
            Price = fill.AveragePrice,
            Cost = fill.Cost,
            Fees = fill.Fees,
            CashAfter = Cash - fill.Cost - fill.Fees,
            BestPrice = fill.BestPrice,
            Slippage = fill.Slippage,
            SignalPrice = signal.Price,
            Drift = Usdc.Create(fill.AveragePrice.Value - signal.Price.Value),
            BookTimestamp = fill.BookTimestamp,
            Source = source,
        };
    }

    /// <summary>The sell record for <paramref name="fill"/> (bids walked) of the position in <paramref name="marketId"/>.</summary>
    public Trade CreateSell(MarketId marketId, Fill fill, SignalId? signalId, DateTimeOffset at, string? source)
    {
        ArgumentNullException.ThrowIfNull(fill);
        var position = Require(marketId, "sell");
        var (releasedCost, releasedFees) = Released(position, fill.Shares);
        return FromPosition(position, TradeKind.Sell, signalId, at, source) with
        {
            Shares = fill.Shares,
            Price = fill.AveragePrice,
            Cost = fill.Cost,
            Fees = fill.Fees,
            CashAfter = Cash + fill.Cost - fill.Fees,
            BestPrice = fill.BestPrice,
            Slippage = fill.Slippage,
            BookTimestamp = fill.BookTimestamp,
            RealizedPnl = fill.Cost - fill.Fees - releasedCost - releasedFees,
        };
    }

    /// <summary>The settlement record closing the position in <paramref name="marketId"/> at 1, 0 or 0.5 per share.</summary>
    public Trade CreateSettlement(MarketId marketId, Price payoutPerShare, DateTimeOffset at, string? source)
    {
        var position = Require(marketId, "settle");
        if (payoutPerShare.Value is not (0m or 0.5m or 1m))
        {
            throw new ArgumentOutOfRangeException(nameof(payoutPerShare), payoutPerShare.Value, "A settlement pays 1, 0 or 0.5 USDC per share.");
        }

        var payout = position.Shares * payoutPerShare;
        return FromPosition(position, TradeKind.Settlement, null, at, source) with
        {
            Shares = position.Shares,
            Price = payoutPerShare,
            Cost = payout,
            Fees = Usdc.Zero,
            CashAfter = Cash + payout,
            RealizedPnl = payout - position.CostBasis,
        };
    }

    /// <summary>Applies the next ledger record, or throws <see cref="LedgerInconsistencyException"/> and changes nothing.</summary>
    public void Apply(Trade trade)
    {
        ArgumentNullException.ThrowIfNull(trade);
        Check(trade.TradeId == NextTradeId, trade, $"expected id {NextTradeId}");
        Check(trade.Shares > Shares.Zero, trade, "shares must be > 0");
        Check(trade.Cost >= Usdc.Zero && trade.Fees >= Usdc.Zero, trade, "cost and fees must be ≥ 0");
        Check(trade.SignalId is not { } s || !_executed.Contains(s), trade, $"signal {trade.SignalId} already executed");
        var cash = Cash + trade.CashDelta;
        Check(cash >= Usdc.Zero, trade, $"cash would be {Money(cash)}");
        Check(trade.CashAfter == cash, trade, $"cash_after {Money(trade.CashAfter)} but the ledger gives {Money(cash)}");
        switch (trade.Kind)
        {
            case TradeKind.Buy:
                ApplyBuy(trade);
                break;
            case TradeKind.Sell:
                ApplySell(trade);
                break;
            case TradeKind.Settlement:
                ApplySettlement(trade);
                break;
            default:
                Check(false, trade, $"unknown kind {(int)trade.Kind}");
                break;
        }

        _exposures.Changed();
        Cash = cash;
        FeesPaid += trade.Fees;
        TradeCount++;
        LastTradeId = trade.TradeId;
        if (trade.SignalId is { } signal)
        {
            _executed.Add(signal);
        }
    }

    private void ApplyBuy(Trade trade)
    {
        Check(trade.RealizedPnl is null, trade, "a buy realises no P&L");
        var held = _positions.GetValueOrDefault(trade.MarketId);
        Check(held is null || held.TokenId == trade.TokenId, trade, "the market's other token is already held");
        _positions[trade.MarketId] = held is null
            ? new Position
            {
                EventId = trade.EventId,
                MarketId = trade.MarketId,
                ConditionId = trade.ConditionId,
                TokenId = trade.TokenId,
                Outcome = trade.Outcome,
                Question = trade.Question,
                Shares = trade.Shares,
                Cost = trade.Cost,
                Fees = trade.Fees,
                OpenedAt = trade.ExecutedAt,
            }
            : held with { Shares = held.Shares + trade.Shares, Cost = held.Cost + trade.Cost, Fees = held.Fees + trade.Fees };
        TotalBought += trade.Cost;
    }

    private void ApplySell(Trade trade)
    {
        var held = _positions.GetValueOrDefault(trade.MarketId);
        Check(held is not null && held.TokenId == trade.TokenId, trade, "no position in this token");
        Check(trade.Shares <= held!.Shares, trade, $"sells {trade.Shares} shares of {held.Shares} held");
        var (releasedCost, releasedFees) = Released(held, trade.Shares);
        var realized = trade.Cost - trade.Fees - releasedCost - releasedFees;
        Check(trade.RealizedPnl == realized, trade, $"realized_pnl {trade.RealizedPnl} but the ledger gives {Money(realized)}");
        if (trade.Shares == held.Shares)
        {
            _positions.Remove(trade.MarketId);
        }
        else
        {
            _positions[trade.MarketId] = held with
            {
                Shares = held.Shares - trade.Shares,
                Cost = held.Cost - releasedCost,
                Fees = held.Fees - releasedFees,
            };
        }

        RealizedPnl += realized;
        TotalSold += trade.Cost;
    }

    private void ApplySettlement(Trade trade)
    {
        var held = _positions.GetValueOrDefault(trade.MarketId);
        Check(held is not null && held.TokenId == trade.TokenId, trade, "no position in this token");
        Check(trade.Shares == held!.Shares, trade, $"settles {trade.Shares} shares of {held.Shares} held");
        Check(trade.Price.Value is 0m or 0.5m or 1m && trade.Cost == trade.Shares * trade.Price && trade.Fees == Usdc.Zero, trade, "a settlement pays shares × (1, 0 or 0.5) with no fee");
        var realized = trade.Cost - held.CostBasis;
        Check(trade.RealizedPnl == realized, trade, $"realized_pnl {trade.RealizedPnl} but the ledger gives {Money(realized)}");
        _positions.Remove(trade.MarketId);
        RealizedPnl += realized;
        TotalPayouts += trade.Cost;
    }

    /// <summary>The cost and fees that leave a position with <paramref name="shares"/> of it: all of them on a full exit, a rounded share otherwise.</summary>
    private static (Usdc Cost, Usdc Fees) Released(Position position, Shares shares) =>
        shares >= position.Shares
            ? (position.Cost, position.Fees)
            : (Share(position.Cost, shares, position.Shares), Share(position.Fees, shares, position.Shares));

    /// <summary><paramref name="amount"/> × part / whole, rounded to 6 places, in that order (so the ledger's figures do not move).</summary>
    private static Usdc Share(Usdc amount, Shares part, Shares whole) => Usdc.Create(Math.Round(amount.Value * part.Value / whole.Value, 6));

    private Position Require(MarketId marketId, string what) =>
        _positions.GetValueOrDefault(marketId)
        ?? throw new InvalidOperationException($"Cannot {what}: no open position in market {marketId}.");

    private Trade FromPosition(Position position, TradeKind kind, SignalId? signalId, DateTimeOffset at, string? source) => new()
    {
        TradeId = NextTradeId,
        SignalId = signalId,
        ExecutedAt = at,
        Kind = kind,
        EventId = position.EventId,
        MarketId = position.MarketId,
        ConditionId = position.ConditionId,
        TokenId = position.TokenId,
        Outcome = position.Outcome,
        Question = position.Question,
        Shares = position.Shares,
        Price = Price.Zero,
        Cost = Usdc.Zero,
        Fees = Usdc.Zero,
        CashAfter = Cash,
        Source = source,
    };

    private static void Check(bool condition, Trade trade, string problem)
    {
        if (!condition)
        {
            throw new LedgerInconsistencyException($"Ledger record {trade.TradeId} ({trade.Kind}, market {trade.MarketId}): {problem}.");
        }
    }

    /// <summary>Every digit: a corrupted record can be off in the 7th place, and the message must show it.</summary>
    private static string Money(Usdc value) => value.Value.ToString(CultureInfo.InvariantCulture);
}
