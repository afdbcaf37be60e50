using Microsoft.Extensions.Logging;
using Prescient.Domain.Ids;
using Prescient.Domain.Markets;
using Prescient.Domain.Positions;
using Prescient.Domain.Trading;
using Prescient.Domain.Values;
using Prescient.Engine.Markets;

namespace Prescient.Engine.Settlement;

/// <summary>
/// The settle step shared by execute and the end of day: looks each held market up by id (with the
/// event id the position holds, as Gamma does not always nest it) and settles those that resolved
/// (<see cref="ResolutionRule"/>) as ledger records, exactly once: a settled position is gone from the
/// next replay. One market whose reply is missing or unusable is that market's failure: it stays
/// pending, is logged and counted, and the pass goes on. Only a source that cannot be reached at all
/// fails the pass (and so the run). With a shared <see cref="IMarketLookupCache"/> (the scale-out setup), a
/// market looked up moments ago by another process is taken from it.
/// </summary>
public sealed partial class SettlementService(IMarketSource source, TimeProvider time, ILogger<SettlementService> logger, IMarketLookupCache? cache = null)
{
    /// <param name="portfolio">The ledger's portfolio; changed only through <paramref name="record"/>.</param>
    /// <param name="record">Appends a settlement record to the ledger, then applies it to <paramref name="portfolio"/>.</param>
    public async Task<SettlementPass> SettleAsync(Portfolio portfolio, Func<Trade, CancellationToken, Task> record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(portfolio);
        ArgumentNullException.ThrowIfNull(record);
        var settled = new List<Trade>();
        var pending = new List<PendingSettlement>();
        var markets = new Dictionary<MarketId, Market>();
        foreach (var position in portfolio.Positions)
        {
            MarketLookup? lookup;
            try
            {
                lookup = await LookupAsync(position, cancellationToken);
            }
            catch (MarketDataUnavailableException e) when (e.SourceReached)
            {
                LogLookupFailed(logger, position.MarketId.Value, e.Message);
                pending.Add(new PendingSettlement(position.MarketId, position.TokenId, position.Question, e.Message) { LookupFailed = true });
                continue;
            }

            if (lookup is null)
            {
                LogLookupFailed(logger, position.MarketId.Value, SettlementText.NotKnownUpstream);
                pending.Add(new PendingSettlement(position.MarketId, position.TokenId, position.Question, SettlementText.NotKnownUpstream) { LookupFailed = true });
                continue;
            }

            var resolution = ResolutionRule.Resolve(lookup, position.TokenId);
            if (resolution.PayoutPerShare is null)
            {
                markets[position.MarketId] = lookup.Market;
            }

            if (resolution.PayoutPerShare is { } payout)
            {
                var trade = portfolio.CreateSettlement(position.MarketId, Price.Create(payout), time.GetUtcNow(), source.Info.Name);
                await record(trade, cancellationToken);
                settled.Add(trade);
                LogSettled(logger, position.MarketId.Value, payout, trade.RealizedPnl?.Value ?? 0m, resolution.Detail);
            }
            else if (resolution.State == ResolutionState.Pending)
            {
                var price = lookup.Market.Outcomes.FirstOrDefault(o => o.TokenId == position.TokenId)?.Price;
                LogPending(logger, position.MarketId.Value, resolution.Detail);
                pending.Add(new PendingSettlement(position.MarketId, position.TokenId, position.Question, resolution.Detail)
                {
                    OutcomePrice = price is >= 0m and <= 1m ? price : null,
                });
            }
        }

        return new SettlementPass(settled, pending, time.GetUtcNow()) { Markets = markets };
    }

    private async Task<MarketLookup?> LookupAsync(Position position, CancellationToken cancellationToken)
    {
        if (cache is not null && await cache.GetAsync(position.MarketId, cancellationToken) is { } cached)
        {
            return cached;
        }

        var lookup = await source.LookupMarketAsync(position.MarketId, position.EventId, position.ConditionId, cancellationToken);
        if (cache is not null && lookup is not null)
        {
            await cache.StoreAsync(position.MarketId, lookup, cancellationToken);
        }

        return lookup;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Settled market {MarketId} at {Payout} per share, realized {Pnl} USDC ({Detail})")]
    private static partial void LogSettled(ILogger logger, string marketId, decimal payout, decimal pnl, string detail);

    [LoggerMessage(Level = LogLevel.Information, Message = "Held market {MarketId} not settled yet: {Detail}")]
    private static partial void LogPending(ILogger logger, string marketId, string detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Held market {MarketId} could not be looked up; it stays pending: {Reason}")]
    private static partial void LogLookupFailed(ILogger logger, string marketId, string reason);
}
