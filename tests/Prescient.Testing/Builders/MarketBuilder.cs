using System.Globalization;
using Prescient.Domain.Ids;
using Prescient.Domain.Markets;

namespace Prescient.Testing.Builders;

/// <summary>Builds an open, tradeable binary market; each <c>With…</c> changes one thing.</summary>
public sealed class MarketBuilder
{
    private static int s_next = 1000;
    private Market _market;

    public MarketBuilder(string? eventId = null)
    {
        var n = Interlocked.Increment(ref s_next).ToString(CultureInfo.InvariantCulture);
        _market = new Market
        {
            Id = MarketId.Create(n),
            EventId = EventId.Create(eventId ?? "1"),
            ConditionId = ConditionId.Create("0x" + n.PadLeft(64, '0')),
            Question = "Will market " + n + " happen?",
            Outcomes =
            [
                new Outcome("Yes", TokenId.Create("1" + n.PadLeft(76, '0')), 0.6m),
                new Outcome("No", TokenId.Create("2" + n.PadLeft(76, '0')), 0.4m),
            ],
            BestBid = 0.59m,
            BestAsk = 0.61m,
            Spread = 0.02m,
            Liquidity = 5_000m,
            Volume = 50_000m,
            Active = true,
            AcceptingOrders = true,
            EnableOrderBook = true,
            TickSize = 0.01m,
            MinOrderSize = 5m,
        };
    }

    public MarketBuilder Closed()
    {
        _market = _market with { Closed = true, AcceptingOrders = false };
        return this;
    }

    public MarketBuilder NotAcceptingOrders()
    {
        _market = _market with { AcceptingOrders = false };
        return this;
    }

    public MarketBuilder With(Func<Market, Market> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        _market = change(_market);
        return this;
    }

    public Market Build() => _market;
}
