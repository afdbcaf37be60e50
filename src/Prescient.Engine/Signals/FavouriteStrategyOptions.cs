namespace Prescient.Engine.Signals;

/// <summary>
/// The "favourite" strategy (favourite/long-shot bias: on prediction markets, as at the racetrack,
/// heavy favourites tend to be priced a little under their frequency and long shots over). Section
/// "Strategy:Favourite"; every default below is the documented default. Prices are the token's best
/// ask in [0, 1] USDC per share; amounts are USDC.
/// </summary>
public sealed record FavouriteStrategyOptions
{
    public const string SectionName = "Strategy:Favourite";

    /// <summary>The lowest best ask of the token to buy, in (0, 1]: the bottom of the favourite band (inclusive). Default 0.80.</summary>
    public decimal MinPrice { get; init; } = 0.80m;

    /// <summary>The highest best ask, in [<see cref="MinPrice"/>, 1]: the top of the band (inclusive) and the signal's limit price, rounded down to the tick. Default 0.95.</summary>
    public decimal MaxPrice { get; init; } = 0.95m;

    /// <summary>USDC a signal may spend, fees included. Default 100.</summary>
    public decimal Stake { get; init; } = 100m;

    /// <summary>How the markets of an event are ranked. Default <see cref="MarketSelectionRule.HighestLiquidity"/>.</summary>
    public MarketSelectionRule Selection { get; init; } = MarketSelectionRule.HighestLiquidity;

    /// <summary>How many of an event's ranked markets are considered. Default 1.</summary>
    public int MarketsPerEvent { get; init; } = 1;

    /// <summary>The widest best ask − best bid of the token to buy, in [0, 1]. Default 0.10.</summary>
    public decimal MaxSpread { get; init; } = 0.10m;

    /// <summary>The least Σ price × size (USDC) of the asks at or below the limit price of the token to buy. Default 100.</summary>
    public decimal MinBookDepth { get; init; } = 100m;

    /// <summary>A one-line description of a value out of range, or null when the options are valid.</summary>
    public string? Validate()
    {
        if (MinPrice is <= 0m or > 1m) return "Strategy:Favourite:MinPrice must be more than 0 and at most 1 (USDC per share).";
        if (MaxPrice < MinPrice || MaxPrice > 1m) return "Strategy:Favourite:MaxPrice must be at least Strategy:Favourite:MinPrice and at most 1 (USDC per share).";
        if (Stake <= 0m) return "Strategy:Favourite:Stake must be more than 0 (USDC).";
        if (!Enum.IsDefined(Selection)) return "Strategy:Favourite:Selection must be HighestLiquidity, HighestVolume, HighestVolume24h or SoonestEnd.";
        if (MarketsPerEvent < 1) return "Strategy:Favourite:MarketsPerEvent must be 1 or more.";
        if (MaxSpread is < 0m or > 1m) return "Strategy:Favourite:MaxSpread must be between 0 and 1 (USDC per share).";
        if (MinBookDepth < 0m) return "Strategy:Favourite:MinBookDepth must be 0 or more (USDC).";
        return null;
    }
}
