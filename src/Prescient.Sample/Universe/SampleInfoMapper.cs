namespace Prescient.Sample.Universe;

/// <summary>Maps the internal snapshot to the public ground-truth records.</summary>
internal static class SampleInfoMapper
{
    public static SampleEventInfo ToInfo(EventSnapshot snapshot, int seed)
    {
        var e = snapshot.Blueprint;
        var markets = new SampleMarketInfo[e.Markets.Length];
        for (var i = 0; i < markets.Length; i++)
        {
            var m = e.Markets[i];
            var state = snapshot.Markets[i];
            var book = BookModel.For(seed, m, state, 0, snapshot.Ticks);
            markets[i] = new SampleMarketInfo
            {
                MarketId = m.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ConditionId = m.ConditionId,
                Question = m.Question,
                Outcomes = m.Outcomes,
                YesTokenId = m.YesTokenId,
                NoTokenId = m.NoTokenId,
                EndDate = m.End,
                Closed = state.Closed,
                AcceptingOrders = state.AcceptingOrders,
                EnableOrderBook = e.EnableOrderBook,
                HasBook = state.HasBook,
                NegRisk = e.NegRisk,
                TickSize = m.TickSize,
                MinOrderSize = m.MinOrderSize,
                BestBid = book is { Bids.Length: > 0 } ? book.Bids[0].Price : null,
                BestAsk = book is { Asks.Length: > 0 } ? book.Asks[0].Price : null,
                DisplayPrice = state.DisplayPrice,
                YesPayout = state.YesPayout,
                Liquidity = state.Liquidity,
                Volume = state.Volume,
                FeesEnabled = SampleFees.Charged(e.Kind),
                BaseFeeBps = SampleFees.BaseFeeBps(e.Kind),
            };
        }

        return new SampleEventInfo
        {
            EventId = e.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Slug = e.Slug,
            Title = e.Title,
            Active = e.Active,
            Closed = snapshot.Closed,
            Archived = e.Archived,
            EnableOrderBook = e.EnableOrderBook,
            NegRisk = e.NegRisk,
            Liquidity = snapshot.Liquidity,
            Volume = snapshot.Volume,
            StartDate = e.Start,
            EndDate = e.End,
            TagSlugs = e.TagSlugs,
            Markets = markets,
        };
    }
}
