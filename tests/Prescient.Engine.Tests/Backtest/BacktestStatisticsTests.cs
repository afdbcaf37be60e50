using Prescient.Engine.Backtest;

namespace Prescient.Engine.Tests.Backtest;

public sealed class BacktestStatisticsTests
{
    [Fact]
    public void Sharpe_ThreeDailyReturns_IsMeanOverSampleDeviationAnnualised()
    {
        // mean 0.006667, sample sd 0.015275, × √365.
        Assert.Equal(8.338094m, BacktestStatistics.Sharpe([0.01, -0.01, 0.02]));
    }

    [Fact]
    public void Sortino_ThreeDailyReturns_UsesTheDownsideDeviationOfEveryDay()
    {
        // downside deviation √(0.01² / 3) = 0.005774.
        Assert.Equal(22.060523m, BacktestStatistics.Sortino([0.01, -0.01, 0.02]));
    }

    [Fact]
    public void SharpeAndSortino_NoVariationOrNoLoss_AreUndefined()
    {
        Assert.Null(BacktestStatistics.Sharpe([0.01, 0.01]));
        Assert.Null(BacktestStatistics.Sortino([0.01, 0.02]));
        Assert.Null(BacktestStatistics.Sharpe([0.01]));
    }

    [Fact]
    public void Cagr_TenPercentIn73Days_CompoundsToAYear()
    {
        Assert.Equal(0.61051m, BacktestStatistics.Cagr(10_000m, 11_000m, 73));
        Assert.Null(BacktestStatistics.Cagr(10_000m, 11_000m, 0));
    }

    [Fact]
    public void DrawdownDays_TwoDrawdowns_IsTheLongestRunBelowThePeak()
    {
        // below the 100 start for 1 day, new peak 105, then 3 days below it, recovered at 106.
        Assert.Equal(3, BacktestStatistics.DrawdownDays([99m, 105m, 104m, 100m, 101m, 106m], 100m));
        Assert.Equal(0, BacktestStatistics.DrawdownDays([100m, 101m], 100m));
    }

    [Fact]
    public void LogLoss_EntryAgainstOutcome_IsTheBinaryCrossEntropy()
    {
        Assert.Equal(0.223144, Math.Round(BacktestStatistics.LogLoss(0.8m, 1m), 6));
        Assert.Equal(0.356675, Math.Round(BacktestStatistics.LogLoss(0.3m, 0m), 6));
        Assert.True(double.IsFinite(BacktestStatistics.LogLoss(0m, 1m)));
    }
}
