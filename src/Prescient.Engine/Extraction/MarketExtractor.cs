using Prescient.Domain.Markets;

namespace Prescient.Engine.Extraction;

/// <summary>Flattens events into one <see cref="MarketRow"/> per market, in event then market order.</summary>
public static class MarketExtractor
{
    public static IReadOnlyList<MarketRow> Extract(IEnumerable<MarketEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        return events.SelectMany(e => e.Markets.Select(m => ToRow(e, m))).ToArray();
    }

    public static MarketRow ToRow(MarketEvent marketEvent, Market market)
    {
        ArgumentNullException.ThrowIfNull(marketEvent);
        ArgumentNullException.ThrowIfNull(market);
        return new MarketRow
        {
            EventId = marketEvent.Id,
            EventSlug = marketEvent.Slug,
            EventTitle = marketEvent.Title,
            MarketId = market.Id,
            ConditionId = market.ConditionId,
            Question = market.Question,
            MarketSlug = market.Slug,
            GroupItemTitle = market.GroupItemTitle,
            Outcomes = market.Outcomes.Select(o => o.Name).ToArray(),
            YesTokenId = market.Yes?.TokenId,
            NoTokenId = market.No?.TokenId,
            YesPrice = market.Yes?.Price,
            NoPrice = market.No?.Price,
            BestBid = market.BestBid,
            BestAsk = market.BestAsk,
            Spread = market.Spread,
            LastTradePrice = market.LastTradePrice,
            Liquidity = market.Liquidity,
            Volume = market.Volume,
            Volume24h = market.Volume24h,
            EndDate = market.EndDate,
            Active = market.Active,
            Closed = market.Closed,
            AcceptingOrders = market.AcceptingOrders,
            EnableOrderBook = market.EnableOrderBook,
            NegRisk = market.NegRisk,
            NegRiskMarketId = market.NegRiskMarketId,
            TickSize = market.TickSize,
            MinOrderSize = market.MinOrderSize,
            FeesEnabled = market.Fees.Enabled,
            FeeType = market.Fees.Type,
            FeeRate = market.Fees.Rate,
            FeeExponent = market.Fees.Exponent,
            MakerBaseFee = market.Fees.MakerBaseFee,
            TakerBaseFee = market.Fees.TakerBaseFee,
            UmaResolutionStatus = market.UmaResolutionStatus,
        };
    }
}
