using Prescient.Domain.Ids;
using Prescient.Engine.Extraction;

namespace Prescient.Testing.Builders;

/// <summary>Extracted market rows as the refresh writes them, for strategy and trading tests.</summary>
public static class MarketRows
{
    /// <summary>
    /// An open binary market of event <paramref name="eventId"/> that accepts orders: tick 0.01, minimum
    /// order 5 shares, liquidity 5,000 USDC, ending 30 days after <paramref name="now"/>; ids derived from
    /// <paramref name="marketId"/> (YES token "1…", NO token "2…").
    /// </summary>
    public static MarketRow Binary(string eventId, string marketId, DateTimeOffset now) => new()
    {
        EventId = EventId.Create(eventId),
        EventTitle = "Event " + eventId,
        MarketId = MarketId.Create(marketId),
        ConditionId = ConditionId.Create("0x" + marketId.PadLeft(64, '0')),
        Question = "Will " + marketId + " happen?",
        Outcomes = ["Yes", "No"],
        YesTokenId = TokenId.Create("1" + marketId.PadLeft(76, '0')),
        NoTokenId = TokenId.Create("2" + marketId.PadLeft(76, '0')),
        Liquidity = 5_000m,
        Volume = 50_000m,
        Volume24h = 1_000m,
        EndDate = now.AddDays(30),
        Active = true,
        AcceptingOrders = true,
        EnableOrderBook = true,
        TickSize = 0.01m,
        MinOrderSize = 5m,
    };
}
