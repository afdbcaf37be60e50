using Prescient.Domain.Signals;

namespace Prescient.Engine.Signals;

/// <summary>
/// The default threshold strategy. Configuration section "Strategy"; every default below is the
/// documented default. Prices are probabilities in [0, 1] (USDC per share); amounts are USDC.
/// <para>
/// The rule is symmetric: with <see cref="SignalAction.BuyNo"/> it buys NO when the YES price is
/// strictly above <see cref="Threshold"/>; with <see cref="SignalAction.BuyYes"/> it buys YES when
/// the implied NO price (1 − YES price) is strictly above it, i.e. when the YES price is strictly
/// below 1 − threshold.
/// </para>
/// </summary>
public sealed record ThresholdStrategyOptions
{
    public const string SectionName = "Strategy";

    /// <summary>The price (of YES for buy_no, of 1 − YES for buy_yes) that must be exceeded, in [0, 1). Default 0.50.</summary>
    public decimal Threshold { get; init; } = 0.50m;

    /// <summary>What to buy when the price is past the threshold. Default <see cref="SignalAction.BuyNo"/>.</summary>
    public SignalAction Side { get; init; } = SignalAction.BuyNo;

    /// <summary>USDC a signal may spend, fees included. Default 100.</summary>
    public decimal Stake { get; init; } = 100m;

    /// <summary>How the markets of an event are ranked. Default <see cref="MarketSelectionRule.HighestLiquidity"/>.</summary>
    public MarketSelectionRule Selection { get; init; } = MarketSelectionRule.HighestLiquidity;

    /// <summary>How many of an event's ranked markets are considered. Default 1.</summary>
    public int MarketsPerEvent { get; init; } = 1;

    /// <summary>Which number of the YES token's quote is the YES price. Default <see cref="Signals.YesPriceSource.Mid"/>.</summary>
    public YesPriceSource YesPriceSource { get; init; } = YesPriceSource.Mid;

    /// <summary>
    /// The most a share of the token to buy may cost, in (0, 1]: the signal's limit price, rounded
    /// down to the market's tick. A best ask above it skips the market. Default 0.95.
    /// </summary>
    public decimal MaxEntryPrice { get; init; } = 0.95m;

    /// <summary>The widest best ask − best bid of the token to buy, in [0, 1]. Default 0.10.</summary>
    public decimal MaxSpread { get; init; } = 0.10m;

    /// <summary>The least Σ price × size (USDC) of the asks at or below the limit price of the token to buy. Default 100.</summary>
    public decimal MinBookDepth { get; init; } = 100m;

    /// <summary>A one-line description of a value out of range, or null when the options are valid.</summary>
    public string? Validate()
    {
        if (Threshold is < 0m or >= 1m) return "Strategy:Threshold must be at least 0 and less than 1 (a probability).";
        if (!Enum.IsDefined(Side)) return "Strategy:Side must be BuyNo or BuyYes.";
        if (Stake <= 0m) return "Strategy:Stake must be more than 0 (USDC).";
        if (!Enum.IsDefined(Selection)) return "Strategy:Selection must be HighestLiquidity, HighestVolume, HighestVolume24h or SoonestEnd.";
        if (MarketsPerEvent < 1) return "Strategy:MarketsPerEvent must be 1 or more.";
        if (!Enum.IsDefined(YesPriceSource)) return "Strategy:YesPriceSource must be Mid, LastTrade or BestBid.";
        if (MaxEntryPrice is <= 0m or > 1m) return "Strategy:MaxEntryPrice must be more than 0 and at most 1 (USDC per share).";
        if (MaxSpread is < 0m or > 1m) return "Strategy:MaxSpread must be between 0 and 1 (USDC per share).";
        if (MinBookDepth < 0m) return "Strategy:MinBookDepth must be 0 or more (USDC).";
        return null;
    }
}
