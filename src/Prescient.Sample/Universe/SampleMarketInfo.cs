namespace Prescient.Sample.Universe;

/// <summary>
/// Ground truth for one market of a <see cref="SampleEventInfo"/>, typed, independent of any HTTP
/// parsing. Prices are YES prices in [0, 1] USDC per share; sizes are shares.
/// </summary>
public sealed record SampleMarketInfo
{
    /// <summary>Gamma market id (numeric string).</summary>
    public required string MarketId { get; init; }

    /// <summary>Condition id (0x + 64 hex); the CLOB's <c>market</c>.</summary>
    public required string ConditionId { get; init; }

    /// <summary>The question exactly as sent (hostile text included).</summary>
    public required string Question { get; init; }

    /// <summary>Outcome names in Gamma's order; index 0 is the YES side ("Yes", a team, "Up").</summary>
    public required IReadOnlyList<string> Outcomes { get; init; }

    /// <summary>Token id (77-digit decimal string) of outcome 0.</summary>
    public required string YesTokenId { get; init; }

    /// <summary>Token id (77-digit decimal string) of outcome 1.</summary>
    public required string NoTokenId { get; init; }

    /// <summary>When the market closes and resolves.</summary>
    public required DateTimeOffset EndDate { get; init; }

    /// <summary>The market has resolved.</summary>
    public required bool Closed { get; init; }

    /// <summary>Gamma <c>acceptingOrders</c>: open, order book enabled and trading not paused.</summary>
    public required bool AcceptingOrders { get; init; }

    /// <summary>Gamma <c>enableOrderBook</c> (the event's value).</summary>
    public required bool EnableOrderBook { get; init; }

    /// <summary>The CLOB serves a book for both tokens (<c>/book</c> answers 200).</summary>
    public required bool HasBook { get; init; }

    /// <summary>The market is a leg of a neg-risk group.</summary>
    public required bool NegRisk { get; init; }

    /// <summary>Minimum price increment, USDC (also when Gamma omits <c>orderPriceMinTickSize</c>).</summary>
    public required decimal TickSize { get; init; }

    /// <summary>Minimum order size, shares.</summary>
    public required decimal MinOrderSize { get; init; }

    /// <summary>Best YES bid in the CLOB book, or null when there is no book or no bid.</summary>
    public decimal? BestBid { get; init; }

    /// <summary>Best YES ask in the CLOB book, or null when there is no book or no ask.</summary>
    public decimal? BestAsk { get; init; }

    /// <summary>What a YES share pays once the market has resolved (1, 0 or 0.5); null while open. A NO share pays 1 − this.</summary>
    public decimal? YesPayout { get; init; }

    /// <summary>Gamma's displayed YES price (<c>outcomePrices[0]</c>).</summary>
    public required decimal DisplayPrice { get; init; }

    /// <summary>Gamma market liquidity, USDC (also when Gamma omits the key).</summary>
    public required decimal Liquidity { get; init; }

    /// <summary>Gamma market volume, USDC.</summary>
    public required decimal Volume { get; init; }

    /// <summary>True when the market takes taker fees (<c>feesEnabled</c>).</summary>
    public required bool FeesEnabled { get; init; }

    /// <summary>The CLOB base fee of both tokens (<c>/fee-rate</c> <c>base_fee</c>), basis points: 1000 when fees are on, else 0.</summary>
    public required int BaseFeeBps { get; init; }
}
