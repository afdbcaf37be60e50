using Prescient.Domain.History;
using Prescient.Domain.Ids;

namespace Prescient.Storage.Files.Tests.History;

/// <summary>End-of-day snapshots for the history store and export tests; decimals carry trailing zeros that must survive.</summary>
internal static class HistoryData
{
    public static readonly DateOnly FirstDay = new(2026, 11, 25);

    /// <summary>The snapshot of the <paramref name="n"/>-th day (0-based) after <see cref="FirstDay"/>, recorded at 18:00:00.5 UTC.</summary>
    public static PortfolioDay Day(int n, string source = "sample") => new()
    {
        Date = FirstDay.AddDays(n),
        RecordedAt = new DateTimeOffset(FirstDay.AddDays(n), new TimeOnly(18, 0, 0, 500), TimeSpan.Zero),
        Cash = 9_800.00m - n,
        PositionsValue = 210.50m + n,
        Equity = 10_010.50m,
        RealizedPnl = -1.25m * n,
        UnrealizedPnl = 8.4607845m,
        Exposure = 202.0392155m,
        FeesPaid = 1.9607845m,
        OpenPositions = 2,
        TradeCount = 2 + n,
        LastTradeId = n == 0 ? null : TradeId.ForSequence(2 + n),
        Source = source,
    };
}
