using System.Globalization;
using Prescient.Domain.History;
using Prescient.Domain.Ids;
using Prescient.Domain.Trading;
using Prescient.Domain.Values;

namespace Prescient.Engine.Tests.Performance;

/// <summary>Ledger records and end-of-day snapshots written by hand, so the expected statistics can be worked out on paper.</summary>
internal static class PerformanceData
{
    public static readonly DateOnly Day1 = new(2026, 11, 25);

    /// <summary>A ledger record of <paramref name="kind"/> in market <paramref name="market"/> at <paramref name="hour"/>:00 UTC of <paramref name="day"/>.</summary>
    public static Trade Record(int sequence, TradeKind kind, string market, DateOnly day, int hour, decimal shares, decimal price, decimal? realized = null) => new()
    {
        TradeId = TradeId.ForSequence(sequence),
        ExecutedAt = new DateTimeOffset(day, new TimeOnly(hour, 0), TimeSpan.Zero),
        Kind = kind,
        EventId = EventId.Create("1"),
        MarketId = MarketId.Create(market),
        ConditionId = ConditionId.Create("0x" + market),
        TokenId = TokenId.Create("9" + market),
        Shares = Shares.Create(shares),
        Price = Price.Create(price),
        Cost = Usdc.Create(shares * price),
        Fees = Usdc.Create(0m),
        CashAfter = Usdc.Create(0m),
        RealizedPnl = Usdc.From(realized),
    };

    public static PortfolioDay Snapshot(DateOnly date, decimal cash, decimal positionsValue, decimal realized = 0m, decimal unrealized = 0m, int open = 0) => new()
    {
        Date = date,
        RecordedAt = new DateTimeOffset(date, new TimeOnly(18, 0), TimeSpan.Zero),
        Cash = cash,
        PositionsValue = positionsValue,
        Equity = cash + positionsValue,
        RealizedPnl = realized,
        UnrealizedPnl = unrealized,
        Exposure = 0m,
        FeesPaid = 0m,
        OpenPositions = open,
        TradeCount = 0,
        Source = "sample",
    };

    public static string Text(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "null";
}
