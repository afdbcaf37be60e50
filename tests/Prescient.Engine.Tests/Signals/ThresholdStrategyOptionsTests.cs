using Microsoft.Extensions.Options;
using Prescient.Domain.Signals;
using Prescient.Engine.Signals;

namespace Prescient.Engine.Tests.Signals;

public sealed class ThresholdStrategyOptionsTests
{
    [Fact]
    public void Defaults_AreTheDocumentedOnesAndValid()
    {
        var options = new ThresholdStrategyOptions();

        Assert.Null(options.Validate());
        Assert.Equal(
            (0.50m, SignalAction.BuyNo, 100m, MarketSelectionRule.HighestLiquidity, 1, YesPriceSource.Mid, 0.95m, 0.10m, 100m),
            (options.Threshold, options.Side, options.Stake, options.Selection, options.MarketsPerEvent, options.YesPriceSource, options.MaxEntryPrice, options.MaxSpread, options.MinBookDepth));
        Assert.Equal("Strategy", ThresholdStrategyOptions.SectionName);
    }

    public static TheoryData<string, string> Invalid => new()
    {
        { "threshold-1", "Strategy:Threshold" },
        { "threshold-negative", "Strategy:Threshold" },
        { "side", "Strategy:Side" },
        { "stake-0", "Strategy:Stake" },
        { "selection", "Strategy:Selection" },
        { "markets-0", "Strategy:MarketsPerEvent" },
        { "source", "Strategy:YesPriceSource" },
        { "max-entry-0", "Strategy:MaxEntryPrice" },
        { "max-entry-1.01", "Strategy:MaxEntryPrice" },
        { "spread-negative", "Strategy:MaxSpread" },
        { "depth-negative", "Strategy:MinBookDepth" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Validate_ValueOutOfRange_NamesTheSetting(string variant, string setting)
    {
        var options = variant switch
        {
            "threshold-1" => new ThresholdStrategyOptions { Threshold = 1m },
            "threshold-negative" => new ThresholdStrategyOptions { Threshold = -0.01m },
            "side" => new ThresholdStrategyOptions { Side = (SignalAction)7 },
            "stake-0" => new ThresholdStrategyOptions { Stake = 0m },
            "selection" => new ThresholdStrategyOptions { Selection = (MarketSelectionRule)9 },
            "markets-0" => new ThresholdStrategyOptions { MarketsPerEvent = 0 },
            "source" => new ThresholdStrategyOptions { YesPriceSource = (YesPriceSource)9 },
            "max-entry-0" => new ThresholdStrategyOptions { MaxEntryPrice = 0m },
            "max-entry-1.01" => new ThresholdStrategyOptions { MaxEntryPrice = 1.01m },
            "spread-negative" => new ThresholdStrategyOptions { MaxSpread = -0.01m },
            _ => new ThresholdStrategyOptions { MinBookDepth = -1m },
        };

        Assert.StartsWith(setting + " ", options.Validate(), StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_InvalidOptions_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new ThresholdStrategy(Options.Create(new ThresholdStrategyOptions { Stake = -5m })));

        Assert.StartsWith("Strategy:Stake", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_AreTheOptionsAsInvariantSnakeCaseText()
    {
        var strategy = new ThresholdStrategy(Options.Create(new ThresholdStrategyOptions
        {
            Side = SignalAction.BuyYes,
            Selection = MarketSelectionRule.HighestVolume24h,
            YesPriceSource = YesPriceSource.LastTrade,
            MarketsPerEvent = 2,
            Stake = 250.5m,
        }));

        Assert.Equal("threshold", strategy.Name);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["threshold"] = "0.50",
                ["side"] = "buy_yes",
                ["stake"] = "250.5",
                ["selection"] = "highest_volume_24h",
                ["markets_per_event"] = "2",
                ["yes_price_source"] = "last_trade",
                ["max_entry_price"] = "0.95",
                ["max_spread"] = "0.10",
                ["min_book_depth"] = "100",
            },
            strategy.Settings);
    }
}
