using Prescient.Domain.Books;
using Prescient.Domain.Markets;
using Prescient.Domain.Positions;
using Prescient.Domain.Signals;
using Prescient.Domain.Trading;
using Prescient.Domain.Values;
using Prescient.Engine.Extraction;
using Prescient.Engine.Trading;
using static Prescient.Engine.Tests.Trading.TradingData;

namespace Prescient.Engine.Tests.Positions;

/// <summary>
/// A portfolio and its ledger driven the way the execute use-case drives them: every record is built
/// by the executor, the walker and <c>Create…</c>, "appended" to <see cref="Ledger"/>, then applied.
/// </summary>
internal sealed class PaperAccount(decimal initialCash, TradingOptions? options = null)
{
    private readonly PaperExecutor _executor = Executor(options);
    private readonly List<Trade> _ledger = [];

    public Portfolio Portfolio { get; } = new(Usdc.Create(initialCash));

    public IReadOnlyList<Trade> Ledger => _ledger;

    /// <param name="fees">The market's fee settings as the execute use-case resolves them; null for the row's own.</param>
    public ExecutionDecision Buy(Signal signal, MarketRow market, OrderBook book, DateTimeOffset now, FeeSettings? fees = null)
    {
        var decision = _executor.DecideMirrored(signal, market, book, Portfolio, now, "sample", fees);
        if (decision.IsTrade)
        {
            Record(decision.Trade);
        }

        return decision;
    }

    public FillAttempt Sell(MarketRow market, OrderBook bids, decimal shares, DateTimeOffset now, FeeSettings? fees = null)
    {
        var attempt = BookWalker.Sell(bids, Shares.Create(shares), Price.Create(0m), fees ?? market.Fees, Price.From(bids.TickSize), Shares.From(bids.MinOrderSize));
        if (attempt.IsFilled)
        {
            Record(Portfolio.CreateSell(market.MarketId, attempt.Fill, null, now, "sample"));
        }

        return attempt;
    }

    public Trade Settle(MarketRow market, decimal payout, DateTimeOffset now) =>
        Record(Portfolio.CreateSettlement(market.MarketId, Price.Create(payout), now, "sample"));

    /// <summary>Appends <paramref name="trade"/> to the ledger, then applies it.</summary>
    public Trade Record(Trade trade)
    {
        _ledger.Add(trade);
        Portfolio.Apply(trade);
        return trade;
    }
}

