using Prescient.Domain.Ids;
using Prescient.Domain.Markets;
using Prescient.Domain.Positions;
using Prescient.Domain.Signals;
using Prescient.Domain.Trading;
using Prescient.Engine.Exits;
using Prescient.Engine.Positions;
using Prescient.Engine.Settlement;
using Prescient.Engine.Trading;

namespace Prescient.Engine.Backtest.Recorded;

/// <summary>
/// The exits of a recorded cycle step, as <see cref="ExecutionService"/> makes them after its settlement
/// pass and before the buys: every held position, in the portfolio's order, judged by its market as the
/// exits see it (<see cref="ExitMarkets.Of"/>: the extraction with the pass's lookups), decided by
/// <see cref="ExitExecutor.Decide"/> against the recorded books of its token and twin, the CLOB base fee
/// asked only when a sell of a market that charges it is due. Each sell is applied at once, so the next
/// position sees the cash it freed.
/// </summary>
internal sealed class RecordedExits(ExitExecutor executor)
{
    public bool Enabled => executor.Enabled;

    /// <summary>The sells of the step (applied to <paramref name="portfolio"/>) and the refused exits.</summary>
    public async Task<(List<Trade> Sold, List<Rejection> Rejected)> SellAsync(
        Portfolio portfolio, IReadOnlyDictionary<MarketId, Market> extracted, SettlementPass pass, TapeMarketSource source, FeeRates feeRates, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var held = portfolio.Positions;
        var markets = held.Select(p => (p.MarketId, Market: ExitMarkets.Of(p.MarketId, extracted, pass.Markets)))
            .Where(m => m.Market is not null)
            .ToDictionary(m => m.MarketId, m => m.Market!);
        var tokens = held.Select(p => (p.MarketId, p.TokenId)).ToArray();
        var books = source.Books(tokens.Select(t => t.TokenId).Concat(BookMarks.Twins(tokens, markets)));
        var sold = new List<Trade>();
        var rejected = new List<Rejection>();
        foreach (var position in held)
        {
            var market = markets.GetValueOrDefault(position.MarketId);
            var book = books.GetValueOrDefault(position.TokenId);
            var complement = BookGuard.ComplementOf(market, position.TokenId) is { } other ? books.GetValueOrDefault(other) : null;
            var decision = executor.Decide(position, market, book, complement, portfolio, now, source.Info.Name);
            if (decision?.Rejection?.Reason == RejectionReason.FeeUnknown)
            {
                var fees = await feeRates.ResolveAsync(market, position.TokenId, cancellationToken).ConfigureAwait(false);
                decision = executor.Decide(position, market, book, complement, portfolio, now, source.Info.Name, fees);
            }

            if (decision?.Trade is { } trade)
            {
                portfolio.Apply(trade);
                sold.Add(trade);
            }
            else if (decision?.Rejection is { } rejection)
            {
                rejected.Add(rejection);
            }
        }

        return (sold, rejected);
    }

    /// <summary>The refusal of a buy of a market an exit sold today, as <see cref="ExecutionService"/> refuses it; null otherwise.</summary>
    public Rejection? Refuse(Signal signal, Portfolio portfolio, DateTimeOffset now) =>
        !portfolio.HasExecuted(signal.SignalId) && executor.ExitedToday(portfolio, signal.MarketId, now)
            ? new Rejection(signal.SignalId, signal.MarketId, RejectionReason.ExitedToday, RejectionDetails.ExitedToday(signal.MarketId))
            : null;
}
