namespace Prescient.Sample.Universe;

/// <summary>How a market resolves at its end date.</summary>
internal enum Resolution
{
    YesWins,
    NoWins,

    /// <summary>50-50: each token redeems at 0.5 (a cancelled match, an ambiguous result).</summary>
    Split,
}

/// <summary>Which sides of a market's YES book exist (the NO book mirrors it).</summary>
internal enum BookSides
{
    Both,

    /// <summary>Asks only: Gamma then has no <c>bestBid</c>.</summary>
    NoBids,

    /// <summary>Bids only: Gamma then has no <c>bestAsk</c>.</summary>
    NoAsks,

    /// <summary>The CLOB has no book for either token although the market is open.</summary>
    None,
}

/// <summary>The time-independent description of one simulated market.</summary>
internal sealed class MarketBlueprint
{
    public required long Id { get; init; }

    public required int Index { get; init; }

    public required string Question { get; init; }

    public required string Slug { get; init; }

    public string? GroupItemTitle { get; init; }

    /// <summary>Outcome names; index 0 is the YES side.</summary>
    public required string[] Outcomes { get; init; }

    public required string ConditionId { get; init; }

    public required string QuestionId { get; init; }

    public required string YesTokenId { get; init; }

    public required string NoTokenId { get; init; }

    public required long StartTicks { get; init; }

    public required long EndTicks { get; init; }

    public required PriceCurve Curve { get; init; }

    public required Resolution Resolution { get; init; }

    /// <summary>
    /// When the outcome becomes final (UTC ticks): at <see cref="EndTicks"/> for most markets. Between
    /// the two the market is closed but its resolution is pending: Gamma shows the closing prices with
    /// <c>umaResolutionStatus: "proposed"</c> and the CLOB flags no winner.
    /// </summary>
    public required long ResolvedTicks { get; init; }

    /// <summary>Minimum price increment, USDC (0.01 or 0.001).</summary>
    public required decimal TickSize { get; init; }

    /// <summary>Minimum order size, shares (5 or 15).</summary>
    public required decimal MinOrderSize { get; init; }

    public bool OmitTickSize { get; init; }

    public bool OmitLiquidity { get; init; }

    public required BookSides Sides { get; init; }

    /// <summary>Best ask − best bid, in ticks.</summary>
    public required int SpreadTicks { get; init; }

    public required int BidLevels { get; init; }

    public required int AskLevels { get; init; }

    /// <summary>Typical liquidity, USDC; the current value swings between 75% and 100% of it.</summary>
    public required double LiquidityBase { get; init; }

    /// <summary>Volume at the end of the market's life, USDC.</summary>
    public required double VolumeTotal { get; init; }

    /// <summary>Seconds between the scheduled end and the close (0 for most markets).</summary>
    public int SecondsDelay { get; init; }

    public DateTimeOffset Start => new(StartTicks, TimeSpan.Zero);

    public DateTimeOffset End => new(EndTicks, TimeSpan.Zero);
}
