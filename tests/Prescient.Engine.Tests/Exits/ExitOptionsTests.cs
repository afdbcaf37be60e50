using Prescient.Engine.Exits;

namespace Prescient.Engine.Tests.Exits;

public sealed class ExitOptionsTests
{
    [Fact]
    public void Defaults_EveryRuleOff_Valid()
    {
        var options = new ExitOptions();

        Assert.False(options.Enabled);
        Assert.Null(options.TakeProfit);
        Assert.Null(options.StopLoss);
        Assert.Null(options.HoursBeforeEnd);
        Assert.Null(options.Validate());
    }

    [Theory]
    [InlineData(0.0, null, null, "Exits:TakeProfit")]
    [InlineData(-0.1, null, null, "Exits:TakeProfit")]
    [InlineData(null, 0.0, null, "Exits:StopLoss")]
    [InlineData(null, 1.0, null, "Exits:StopLoss")]
    [InlineData(null, null, 0.0, "Exits:HoursBeforeEnd")]
    public void Validate_OutOfRange_NamesTheKey(double? takeProfit, double? stopLoss, double? hours, string key)
    {
        var options = new ExitOptions { TakeProfit = (decimal?)takeProfit, StopLoss = (decimal?)stopLoss, HoursBeforeEnd = (decimal?)hours };

        Assert.StartsWith(key + " must be", options.Validate(), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EveryRuleOnInRange_ValidAndEnabled()
    {
        var options = new ExitOptions { TakeProfit = 0.5m, StopLoss = 0.3m, HoursBeforeEnd = 0.5m };

        Assert.Null(options.Validate());
        Assert.True(options.Enabled);
    }
}
