namespace Prescient.Engine.Signals;

/// <summary>Which number of the YES token's quote is "the YES price". Written as snake_case (<c>mid</c>, <c>last_trade</c>, <c>best_bid</c>).</summary>
public enum YesPriceSource
{
    /// <summary>(best bid + best ask) / 2; none on a one-sided book. The default.</summary>
    Mid,

    /// <summary>The last trade price the book reports.</summary>
    LastTrade,

    /// <summary>The best bid: what a YES share could be sold for now.</summary>
    BestBid,
}
