using Prescient.Engine.Sweeps;

namespace Prescient.Engine.Tests.Sweeps;

public sealed class SweepGridTests
{
    [Fact]
    public void Parse_Range_StepsInExactDecimalsAndIncludesTheEnd()
    {
        var axis = SweepAxis.Parse("threshold=0.5:0.9:0.05", "threshold");

        Assert.Equal("Strategy:Threshold", axis.Key);
        Assert.Equal([0.5m, 0.55m, 0.6m, 0.65m, 0.7m, 0.75m, 0.8m, 0.85m, 0.9m], axis.Values);
        Assert.Equal("0.90", axis.Values[^1].ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Parse_ThirdsOfADecimal_AreExact()
    {
        var axis = SweepAxis.Parse("max_spread=0.01:0.1:0.01", "threshold");

        Assert.Equal(10, axis.Values.Count);
        Assert.Equal(0.1m, axis.Values[^1]);
        Assert.All(axis.Values, v => Assert.Equal(v, decimal.Round(v, 2)));
    }

    [Fact]
    public void Parse_List_KeepsTheOrderGiven()
    {
        var axis = SweepAxis.Parse("stake=100,50, 25", "threshold");

        Assert.Equal("Strategy:Stake", axis.Key);
        Assert.Equal([100m, 50m, 25m], axis.Values);
    }

    [Theory]
    [InlineData("threshold=0.5:0.9:0.15", "does not reach the end")]
    [InlineData("threshold=0.9:0.5:0.05", "below the start")]
    [InlineData("threshold=0.5:0.9:0", "more than 0")]
    [InlineData("threshold=0.5:0.9", "start:end:step")]
    [InlineData("stake=50,abc", "'abc' is not a number")]
    [InlineData("stake=50,50", "given twice")]
    [InlineData("stake", "name=a:b:step")]
    [InlineData("stake=", "name=a:b:step")]
    [InlineData("threshold=1e2", "not a number")]
    [InlineData("momentum=1,2", "known: half_spread, hours_before_end, level_shares, max_entry_price, max_spread, min_book_depth, stake, stop_loss, take_profit, threshold")]
    [InlineData("threshold=0:1000:0.0001", "more than 1000")]
    public void Parse_BadInput_OneLineSayingWhat(string spec, string expected)
    {
        var error = Assert.Throws<SweepInputException>(() => SweepAxis.Parse(spec, "threshold"));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Parse_ExitRules_MapToTheExitsSectionForEveryStrategy()
    {
        Assert.Equal("Exits:TakeProfit", SweepAxis.Parse("take_profit=0.1,0.2", "threshold").Key);
        Assert.Equal("Exits:StopLoss", SweepAxis.Parse("stop_loss=0.1:0.3:0.1", "favourite").Key);
        Assert.Equal("Exits:HoursBeforeEnd", SweepAxis.Parse("hours_before_end=24,48", "longshot").Key);
    }

    [Fact]
    public void Parse_FavouriteStrategy_MapsToItsOwnSection()
    {
        Assert.Equal("Strategy:Favourite:Stake", SweepAxis.Parse("stake=10,20", "favourite").Key);
        Assert.Equal("Strategy:Favourite:MinPrice", SweepAxis.Parse("min_price=0.7,0.8", "favourite").Key);
        Assert.Throws<SweepInputException>(() => SweepAxis.Parse("threshold=0.6,0.7", "favourite"));
        Assert.Equal("Strategy:Longshot:Stake", SweepAxis.Parse("Strategy:Longshot:Stake=10,20", "longshot").Key);
    }

    [Fact]
    public void Points_EveryCombination_FirstAxisOutermost()
    {
        var grid = SweepGrid.Parse(["threshold=0.5:0.6:0.05", "stake=50,100"], "threshold");

        Assert.Equal(6, grid.Points.Count);
        Assert.Equal(Enumerable.Range(0, 6), grid.Points.Select(p => p.Index));
        Assert.Equal([0.5m, 50m], grid.Points[0].Values);
        Assert.Equal([0.5m, 100m], grid.Points[1].Values);
        Assert.Equal([0.6m, 100m], grid.Points[5].Values);
        Assert.Equal("0.55", grid.Points[2].Settings["Strategy:Threshold"]);
        Assert.Equal("50", grid.Points[2].Settings["Strategy:Stake"]);
    }

    [Fact]
    public void Grid_SameParameterTwiceOrNone_IsRefused()
    {
        Assert.Throws<SweepInputException>(() => SweepGrid.Parse(["stake=1,2", "Strategy:Stake=3"], "threshold"));
        Assert.Throws<SweepInputException>(() => SweepGrid.Parse([], "threshold"));
    }

    [Theory]
    [InlineData("sharpe")]
    [InlineData("RETURN")]
    public void Metric_KnownName_Parses(string name) => Assert.Equal(name.ToLowerInvariant(), SweepMetric.Parse(name).Name);

    [Fact]
    public void Metric_UnknownName_ListsTheKnownOnes()
    {
        var error = Assert.Throws<SweepInputException>(() => SweepMetric.Parse("alpha"));

        Assert.Contains("return, cagr, max_drawdown, sharpe, sortino, win_rate, profit_factor, trades, fees", error.Message, StringComparison.Ordinal);
    }
}
