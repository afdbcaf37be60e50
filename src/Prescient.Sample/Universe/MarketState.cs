namespace Prescient.Sample.Universe;

/// <summary>
/// One market at one instant. Prices are YES prices in [0, 1]; liquidity and volumes are USDC.
/// <see cref="BestBid"/>/<see cref="BestAsk"/> are the model's top of book even where the book
/// lacks that side (see <see cref="MarketBlueprint.Sides"/>).
/// </summary>
internal sealed record MarketState
{
    public required bool Closed { get; init; }

    public required bool AcceptingOrders { get; init; }

    /// <summary>The CLOB has a book for the market's tokens.</summary>
    public required bool HasBook { get; init; }

    public required decimal BestBid { get; init; }

    public required decimal BestAsk { get; init; }

    public required decimal LastTradePrice { get; init; }

    /// <summary>Gamma's displayed YES price: the mid when both sides exist, else the last trade; the payout once closed.</summary>
    public required decimal DisplayPrice { get; init; }

    /// <summary>The outcome is final (closed and past <see cref="MarketBlueprint.ResolvedTicks"/>).</summary>
    public bool Resolved { get; init; }

    /// <summary>What a YES share pays once resolved (1, 0 or 0.5); null while open or pending.</summary>
    public decimal? YesPayout { get; init; }

    public required decimal Liquidity { get; init; }

    public required decimal Volume { get; init; }

    public required decimal Volume24h { get; init; }

    public required decimal Volume1wk { get; init; }

    public required decimal Volume1mo { get; init; }

    public required decimal Volume1yr { get; init; }

    public required decimal OneHourPriceChange { get; init; }

    public required decimal OneDayPriceChange { get; init; }

    public required decimal OneWeekPriceChange { get; init; }

    public required decimal OneMonthPriceChange { get; init; }
}
