using Prescient.Domain.Ids;
using Prescient.Engine.Backtest;

namespace Prescient.Engine.Tests.Backtest;

public sealed class SyntheticBookModelTests
{
    private static readonly TokenId Yes = TokenId.Create("1");
    private static readonly TokenId No = TokenId.Create("2");

    [Theory]
    [InlineData(0.50, 0.01, 0.49, 0.51)]
    [InlineData(0.505, 0.01, 0.49, 0.52)]
    [InlineData(0.995, 0.01, 0.98, 0.99)]
    [InlineData(0.001, 0.001, 0.001, 0.011)]
    public void Touch_PriceAndTick_RoundsOutwardToTheTickInsideTheRange(double price, double tick, double bid, double ask)
    {
        var model = new SyntheticBookModel(new BacktestOptions());
        Assert.Equal(((decimal)bid, (decimal)ask), model.Touch((decimal)price, (decimal)tick));
    }

    [Fact]
    public void Books_YesPrice_NoBookMirrorsYesWithTheConfiguredDepth()
    {
        var model = new SyntheticBookModel(new BacktestOptions { HalfSpread = 0.02m, LevelShares = 100m, Levels = 3 });
        var at = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var (yes, no) = model.Books(Yes, No, ConditionId.Create("0x1"), 0.60m, 0.01m, 5m, at);
        Assert.Equal([0.58m, 0.57m, 0.56m], yes.Bids.Select(l => l.Price));
        Assert.Equal([0.62m, 0.63m, 0.64m], yes.Asks.Select(l => l.Price));
        Assert.Equal(yes.Bids.Select(l => 1m - l.Price), no.Asks.Select(l => l.Price));
        Assert.Equal(yes.Asks.Select(l => 1m - l.Price), no.Bids.Select(l => l.Price));
        Assert.All(yes.Asks.Concat(no.Asks), l => Assert.Equal(100m, l.Size));
        Assert.Equal(at, no.Timestamp);
    }
}
