using Prescient.Domain.History;
using Prescient.Engine.Storage;

namespace Prescient.Engine.History;

/// <summary>The day's line of <c>history/portfolio_history.json</c> from a valued portfolio: the end of day and a recorded replay make it the same way.</summary>
public static class PortfolioDays
{
    public static PortfolioDay From(PortfolioSnapshot snapshot, DateOnly day, DateTimeOffset recordedAt, string source)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return new PortfolioDay
        {
            Date = day,
            RecordedAt = recordedAt,
            Cash = snapshot.Cash,
            PositionsValue = snapshot.PositionsValue,
            Equity = snapshot.Equity,
            RealizedPnl = snapshot.RealizedPnl,
            UnrealizedPnl = snapshot.UnrealizedPnl,
            Exposure = snapshot.Exposure,
            FeesPaid = snapshot.FeesPaid,
            OpenPositions = snapshot.Positions.Count,
            TradeCount = snapshot.TradeCount,
            LastTradeId = snapshot.LastTradeId,
            Source = source,
        };
    }
}
