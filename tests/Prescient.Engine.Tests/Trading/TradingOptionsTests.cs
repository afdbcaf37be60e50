using Prescient.Engine.Trading;

namespace Prescient.Engine.Tests.Trading;

public sealed class TradingOptionsTests
{
    [Fact]
    public void Validate_Defaults_AreValidAndAsDocumented()
    {
        var options = new TradingOptions();

        Assert.Null(options.Validate());
        Assert.Equal(0.02m, options.MaxSlippage);
        Assert.Equal(TimeSpan.FromHours(6), options.MaxSignalAge);
        Assert.Equal(0.5m, options.MinFillFraction);
        Assert.Equal(0.02m, options.MaxComplementGap);
        Assert.Equal(0.10m, options.MaxQuoteGap);
    }

    public static TheoryData<TradingOptions, string> OutOfRange => new()
    {
        { new TradingOptions { MaxSlippage = -0.01m }, "Trading:MaxSlippage" },
        { new TradingOptions { MaxSlippage = 1.01m }, "Trading:MaxSlippage" },
        { new TradingOptions { MaxSignalAge = TimeSpan.Zero }, "Trading:MaxSignalAge" },
        { new TradingOptions { MinFillFraction = 0m }, "Trading:MinFillFraction" },
        { new TradingOptions { MinFillFraction = 1.5m }, "Trading:MinFillFraction" },
        { new TradingOptions { MaxComplementGap = -0.001m }, "Trading:MaxComplementGap" },
        { new TradingOptions { MaxQuoteGap = 2m }, "Trading:MaxQuoteGap" },
    };

    [Theory]
    [MemberData(nameof(OutOfRange))]
    public void Validate_LimitOutOfRange_NamesTheSetting(TradingOptions options, string setting)
    {
        Assert.StartsWith(setting + " must be", options.Validate(), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EdgeValues_AreAccepted()
    {
        Assert.Null(new TradingOptions { MaxSlippage = 0m, MinFillFraction = 1m, MaxComplementGap = 0m, MaxQuoteGap = 1m }.Validate());
    }
}
