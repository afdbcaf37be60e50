using FsCheck.Xunit;
using Prescient.Engine.Backtest;
using Prescient.Engine.Sweeps;

namespace Prescient.Engine.Tests.Sweeps;

public sealed class WalkForwardSplitTests
{
    [Fact]
    public void Of_TenDaysAtSeventyPercent_SevenInThreeOut()
    {
        var split = WalkForwardSplit.Of(new BacktestRequest(new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 10)), 0.7m);

        Assert.Equal(new DateOnly(2026, 1, 1), split.InSample.From);
        Assert.Equal(new DateOnly(2026, 1, 7), split.InSample.To);
        Assert.Equal(new DateOnly(2026, 1, 8), split.OutOfSample.From);
        Assert.Equal(new DateOnly(2026, 1, 10), split.OutOfSample.To);
    }

    [Property]
    public bool Of_AnyRangeAndFraction_CoversItWithoutOverlapOrLookAhead(ushort length, byte percent)
    {
        var days = (length % 700) + 2;
        var fraction = ((percent % 99) + 1) / 100m;
        var range = new BacktestRequest(new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 1).AddDays(days - 1));

        var split = WalkForwardSplit.Of(range, fraction);

        return split.InSample.Start == range.Start
            && split.InSample.End == split.OutOfSample.Start
            && split.OutOfSample.End == range.End
            && split.InSample.From <= split.InSample.To
            && split.OutOfSample.From <= split.OutOfSample.To
            && split.InSample.To < split.OutOfSample.From;
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(1.5)]
    public void Of_FractionOutsideZeroToOne_IsRefused(double fraction) =>
        Assert.Throws<SweepInputException>(() => WalkForwardSplit.Of(new BacktestRequest(new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 10)), (decimal)fraction));

    [Fact]
    public void Of_OneDay_IsRefused() =>
        Assert.Throws<SweepInputException>(() => WalkForwardSplit.Of(new BacktestRequest(new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 1)), 0.5m));
}
